/**
 * Salesforce locale keys (`en_US`, `fr_FR`, `de_DE_EURO`, `zh_CN_PINYIN`) as BCP 47 tags for `Intl`.
 * Salesforce formats with ICU ("ICU locale formats", the default since Spring '24), which is what
 * `Intl` implements, so numbers and dates come out as an org with ICU formats shows them.
 */
export function toBcp47(localeSidKey: string): string {
    const parts = localeSidKey.split('_');
    const language = parts[0] ?? 'en';
    const country = parts[1];
    // Variants (EURO, PINYIN, STROKE…) only change currency or collation, not numbers or dates.
    const tag = country && /^[A-Za-z]{2}$|^\d{3}$/.test(country) ? `${language}-${country}` : language;
    try {
        return Intl.getCanonicalLocales(tag)[0] ?? 'en-US';
    } catch {
        return 'en-US';
    }
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** One `Intl.NumberFormat` per locale and options (they are costly to build). */
export function cachedNumberFormat(localeSidKey: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
    const key = `${localeSidKey}|${JSON.stringify(options)}`;
    let f = numberFormats.get(key);
    if (!f) {
        f = new Intl.NumberFormat(toBcp47(localeSidKey), options);
        numberFormats.set(key, f);
    }
    return f;
}
