/**
 * The package's custom labels and their French translations, read from the metadata the package
 * ships, so the workbench shows exactly what an org would.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export type Language = 'en' | 'fr';

const DEFAULT_DIR = path.resolve(import.meta.dirname, '..', '..', 'force-app', 'main', 'default');
const parser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'labels' || name === 'customLabels' });

/** Label values by language: `{ en: { Name: 'English' }, fr: { Name: 'Français' } }` (French falls back to English). */
export function loadLabels(): Record<Language, Record<string, string>> {
    const en: Record<string, string> = {};
    const labels = parser.parse(
        readFileSync(path.join(DEFAULT_DIR, 'labels', 'CustomLabels.labels-meta.xml'), 'utf8')
    ) as {
        CustomLabels: { labels?: Array<{ fullName: string; value: string }> };
    };
    for (const label of labels.CustomLabels.labels ?? []) en[label.fullName] = String(label.value);
    const fr: Record<string, string> = { ...en };
    const translations = parser.parse(
        readFileSync(path.join(DEFAULT_DIR, 'translations', 'fr.translation-meta.xml'), 'utf8')
    ) as {
        Translations: { customLabels?: Array<{ name: string; label: string }> };
    };
    for (const label of translations.Translations.customLabels ?? []) fr[label.name] = String(label.label);
    return { en, fr };
}

/** `String.format` as Apex does it: `{0}`, `{1}` replaced by the arguments. */
export function formatLabel(template: string, ...args: Array<string | number>): string {
    return template.replace(/\{(\d+)\}/g, (whole, index: string) =>
        args[Number(index)] === undefined ? whole : String(args[Number(index)])
    );
}

/** A label in each language the package ships (French falls back to English, as the platform does). */
export type Translated = Record<Language, string>;

/** The labels Salesforce shows for the package's navigation items and actions, translated. */
export interface MetadataLabels {
    /** The shell's app navigation: Home and the standard objects' tabs (their plural labels), then the package's tabs. */
    tabs: Record<string, Translated>;
    /** `<Object>.<Action>` → the action's label and the component it opens. */
    quickActions: Record<string, { label: Translated; component: string }>;
}

const metadataParser = new XMLParser({
    parseTagValue: false,
    isArray: (name) => ['customTabs', 'quickActions'].includes(name)
});

function readMetadata<T>(...parts: string[]): T | undefined {
    const file = path.join(DEFAULT_DIR, ...parts);
    return existsSync(file) ? (metadataParser.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

/**
 * The tab and quick action labels of the package's metadata with their French translations, as an
 * org shows them to a French user: a custom tab's label from `translations/fr.translation-meta.xml`
 * (`customTabs`), an object-specific quick action's from `objectTranslations/<Object>-fr`
 * (`quickActions`): the Metadata API's Translations and CustomObjectTranslation types
 * (https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_translations.htm,
 * https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_customobjecttranslation.htm).
 * Home and the standard objects' tabs are the platform's own translations (`standard`).
 */
export function loadMetadataLabels(standard: Record<string, Translated> = {}): MetadataLabels {
    const tabs: Record<string, Translated> = { ...standard };
    const tabTranslations = new Map<string, string>();
    const translations = readMetadata<{ Translations: { customTabs?: Array<{ name: string; label: string }> } }>(
        'translations',
        'fr.translation-meta.xml'
    );
    for (const tab of translations?.Translations.customTabs ?? []) tabTranslations.set(tab.name, String(tab.label));
    const tabDir = path.join(DEFAULT_DIR, 'tabs');
    for (const file of existsSync(tabDir) ? readdirSync(tabDir) : []) {
        const name = file.replace(/\.tab-meta\.xml$/, '');
        const label = readMetadata<{ CustomTab: { label?: string } }>('tabs', file)?.CustomTab.label;
        // A custom object's tab has no label of its own: it shows the object's (not in the shell's navigation).
        if (label === undefined) continue;
        tabs[name] = { en: String(label), fr: tabTranslations.get(name) ?? String(label) };
    }
    const quickActions: MetadataLabels['quickActions'] = {};
    const actionDir = path.join(DEFAULT_DIR, 'quickActions');
    for (const file of existsSync(actionDir) ? readdirSync(actionDir) : []) {
        const fullName = file.replace(/\.quickAction-meta\.xml$/, '');
        const [objectName, actionName] = fullName.split('.');
        const action = readMetadata<{ QuickAction: { label?: string; lightningWebComponent?: string } }>(
            'quickActions',
            file
        )?.QuickAction;
        if (!action?.label || !actionName) continue;
        const objectTranslation = readMetadata<{
            CustomObjectTranslation: { quickActions?: Array<{ name: string; label: string }> };
        }>('objectTranslations', `${objectName}-fr`, `${objectName}-fr.objectTranslation-meta.xml`);
        const french = objectTranslation?.CustomObjectTranslation.quickActions?.find((a) => a.name === actionName);
        quickActions[fullName] = {
            label: { en: String(action.label), fr: french ? String(french.label) : String(action.label) },
            component: String(action.lightningWebComponent ?? '')
        };
    }
    return { tabs, quickActions };
}
