/**
 * The same helper for a user whose Salesforce locale is French (fr-FR) or one Intl does not know.
 */
describe('c/webexLabelFormat for a French locale', () => {
    afterEach(() => {
        jest.resetModules();
    });

    function loadWithLocale(locale: string): typeof import('c/webexLabelFormat') {
        jest.resetModules();
        jest.doMock('@salesforce/i18n/locale', () => ({ __esModule: true, default: locale }), { virtual: true });
        let loaded!: typeof import('c/webexLabelFormat');
        jest.isolateModules(() => {
            loaded = jest.requireActual<typeof import('c/webexLabelFormat')>('c/webexLabelFormat');
        });
        return loaded;
    }

    it('groups thousands with the narrow no-break space and uses a decimal comma', () => {
        const { formatLabel, formatNumber } = loadWithLocale('fr-FR');
        expect(formatLabel('{0} sur {1} utilisées ({2} %)', 25000, 100000, 25)).toBe(
            '25\u202f000 sur 100\u202f000 utilisées (25 %)'
        );
        expect(formatNumber(1234.5)).toBe('1\u202f234,5');
    });

    it("falls back to the runtime's locale for a tag Intl rejects", () => {
        const { formatNumber } = loadWithLocale('not a locale!');
        expect(formatNumber(25000)).toMatch(/^25.?000$/u);
    });
});
