/**
 * The package's custom labels and their French translations, read from the metadata the package
 * ships, so the workbench shows exactly what an org would.
 */
import { readFileSync } from 'node:fs';
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
