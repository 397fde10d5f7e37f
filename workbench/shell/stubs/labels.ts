/**
 * The label values for the page's language, embedded by the build (`__WB_LABELS__`). The language is
 * the `lang` URL parameter (en or fr), kept on <html lang> for the Apex client.
 */
declare const __WB_LABELS__: Record<string, Record<string, string>>;

const requested = new URLSearchParams(window.location.search).get('lang');
export const language = requested === 'fr' ? 'fr' : 'en';
document.documentElement.lang = language;

export const labels: Record<string, string> = __WB_LABELS__[language];

interface MetadataLabels {
    tabs: Record<string, Record<string, string>>;
    quickActions: Record<string, { label: Record<string, string>; component: string }>;
}

/** The package's tab and quick action labels with their translations, embedded by the build (org/labels.ts). */
declare const __WB_METADATA_LABELS__: MetadataLabels;
// Read once into a variable: the build's replacement skips `__WB_METADATA_LABELS__.` property accesses.
const METADATA: MetadataLabels = __WB_METADATA_LABELS__;

/**
 * A navigation item's label in the page's language: `home`, a standard object's tab (its plural
 * label) or a custom tab (`Webex_Admin`, translated by `customTabs`); undefined for one the org lacks.
 */
export function tabLabel(name: string): string | undefined {
    return METADATA.tabs[name]?.[language];
}

/**
 * The label of the quick action that opens `component` on `objectApiName`, in the page's language
 * (`quickActions` of the object's translation), as the highlights panel shows it; undefined when no
 * quick action of the package opens it there.
 */
export function quickActionLabel(objectApiName: string, component: string): string | undefined {
    const action = Object.entries(METADATA.quickActions).find(
        ([fullName, a]) => fullName.startsWith(`${objectApiName}.`) && a.component === component
    );
    return action?.[1].label[language];
}
