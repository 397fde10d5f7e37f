/**
 * The package's one place for text that depends on the user: custom labels with numbered
 * placeholders, and the numbers put into them, in the user's locale.
 *
 * `formatLabel('Retrying in {0} s (attempt {1} of {2})', 5, 1, 3)` fills the placeholders as Apex
 * `String.format` does, and writes each number argument as the user's locale writes numbers:
 * `formatLabel('{0} of {1} used', 25000, 100000)` is "25,000 of 100,000 used" for en-US and
 * « 25 000 sur 100 000 » (with the narrow no-break space U+202F Intl uses) for fr-FR.
 *
 * - A placeholder whose argument is missing stays as written, so a label used with too few
 *   arguments shows the mistake instead of hiding it.
 * - `null` becomes an empty string.
 * - A string argument is written as given: codes and identifiers (`HTTP 503`, a reference) are
 *   strings, not numbers to group.
 *
 * Dates and times are shown with `lightning-formatted-date-time`, which formats them with Intl in
 * the user's locale and time zone: the package builds no date text itself.
 *
 * The locale is the user's Salesforce locale (`@salesforce/i18n/locale`, e.g. `fr-FR`), which is
 * not the language: a user may read English labels with French number formats. See
 * https://developer.salesforce.com/docs/platform/lwc/guide/create-i18n.html.
 */
import LOCALE from '@salesforce/i18n/locale';

export type LabelArgument = string | number | null | undefined;

const PLACEHOLDER = /\{(\d+)\}/g;

const numberFormats = new Map<string, Intl.NumberFormat>();

/** An Intl number format for the user's locale; the runtime's default when Intl does not know it. */
function numberFormat(options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
    const key = JSON.stringify(options);
    let format = numberFormats.get(key);
    if (!format) {
        try {
            format = new Intl.NumberFormat(LOCALE || undefined, options);
        } catch {
            // A locale tag Intl rejects (RangeError): the runtime's default locale still groups digits.
            format = new Intl.NumberFormat(undefined, options);
        }
        numberFormats.set(key, format);
    }
    return format;
}

/**
 * A number as the user's locale writes it: `25000` is "25,000" in en-US, « 25 000 » in fr-FR,
 * "25.000" in de-DE. `null`, `undefined` and non-finite values give an empty string.
 */
export function formatNumber(value: number | null | undefined, options?: Intl.NumberFormatOptions): string {
    if (value === null || value === undefined || !Number.isFinite(value)) return '';
    return numberFormat(options).format(value);
}

/**
 * Fills the numbered placeholders of a custom label; number arguments are written with
 * `formatNumber`, so every count a label shows follows the user's locale.
 */
export function formatLabel(template: string | null | undefined, ...args: LabelArgument[]): string {
    if (!template) return '';
    return template.replace(PLACEHOLDER, (whole: string, index: string) => {
        const position = Number(index);
        if (position >= args.length || args[position] === undefined) return whole;
        const value = args[position];
        if (value === null) return '';
        return typeof value === 'number' ? formatNumber(value) : value;
    });
}
