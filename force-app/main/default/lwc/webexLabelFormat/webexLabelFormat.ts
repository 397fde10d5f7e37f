/**
 * Fills the numbered placeholders of a custom label, as Apex `String.format` does:
 * `formatLabel('Retrying in {0} s (attempt {1} of {2})', 5, 1, 3)`.
 *
 * - A placeholder whose argument is missing stays as written, so a label used with too few
 *   arguments shows the mistake instead of hiding it.
 * - `null` becomes an empty string.
 */
export type LabelArgument = string | number | null | undefined;

const PLACEHOLDER = /\{(\d+)\}/g;

export function formatLabel(template: string | null | undefined, ...args: LabelArgument[]): string {
    if (!template) return '';
    return template.replace(PLACEHOLDER, (whole: string, index: string) => {
        const position = Number(index);
        if (position >= args.length || args[position] === undefined) return whole;
        const value = args[position];
        return value === null ? '' : String(value);
    });
}
