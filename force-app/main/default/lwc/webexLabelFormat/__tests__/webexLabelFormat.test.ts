import { formatLabel, formatNumber } from 'c/webexLabelFormat';

describe('c/webexLabelFormat', () => {
    it('fills numbered placeholders in any order, as often as they appear', () => {
        expect(formatLabel('Retrying in {0} s (attempt {1} of {2})…', 5, 1, 3)).toBe(
            'Retrying in 5 s (attempt 1 of 3)…'
        );
        expect(formatLabel('{1} then {0}, {1} again', 'a', 'b')).toBe('b then a, b again');
    });

    it('keeps a placeholder without an argument, so a missing argument shows', () => {
        expect(formatLabel('Access token saved. It belongs to {0}.')).toBe('Access token saved. It belongs to {0}.');
        expect(formatLabel('{0} and {1}', 'one')).toBe('one and {1}');
        expect(formatLabel('{0}!', undefined)).toBe('{0}!');
    });

    it('writes null as nothing and numbers as digits', () => {
        expect(formatLabel('[{0}]', null)).toBe('[]');
        expect(formatLabel('HTTP {0}', 503)).toBe('HTTP 503');
        expect(formatLabel('{0}', 0)).toBe('0');
    });

    it("writes numbers as the user's locale groups them (Jest's locale: en-US), strings as given", () => {
        expect(formatLabel('{0} of {1} used ({2} %)', 25000, 100000, 25)).toBe('25,000 of 100,000 used (25 %)');
        expect(formatLabel('Reference: {0}', '10000')).toBe('Reference: 10000');
        expect(formatNumber(1234.5)).toBe('1,234.5');
        expect(formatNumber(0.256, { style: 'percent' })).toBe('26%');
    });

    it('writes no number for a missing or non-finite value', () => {
        expect(formatNumber(null)).toBe('');
        expect(formatNumber(undefined)).toBe('');
        expect(formatNumber(Number.NaN)).toBe('');
        expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('');
        expect(formatLabel('[{0}]', Number.NaN)).toBe('[]');
    });

    it('gives an empty string for a missing label', () => {
        expect(formatLabel(undefined, 'x')).toBe('');
        expect(formatLabel(null)).toBe('');
        expect(formatLabel('')).toBe('');
    });

    it('leaves text without placeholders alone', () => {
        expect(formatLabel('Webhook re-activated.', 'ignored')).toBe('Webhook re-activated.');
    });
});
