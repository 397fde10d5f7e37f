/**
 * The numbering plans the package knows: per country (ISO 3166-1 alpha-2), its calling code, its
 * national trunk prefix, the lengths of its national significant numbers (NSN: the digits after the
 * calling code) and the prefix its callers dial to reach another country. Written for this package
 * from public numbering-plan knowledge (ITU-T E.164 assignments and the national regulators' plans);
 * lengths are deliberately the plausible range, not a validation of number blocks.
 *
 * ONE SOURCE OF TRUTH, TWO COPIES: the Apex class `WebexPhoneNumberPlans` (classes/calling/) holds the
 * same table, because inbound matching on the server must read numbers exactly as the dialer does.
 * Change both together; `scripts/checks/phone-plans-drift.test.ts` fails the gate when they differ.
 */
export interface NumberingPlan {
    /** The country calling code, without `+`. Several countries may share one (`1`: US, CA). */
    callingCode: string;
    /** What a national caller dials before the NSN (`0` in France), `''` when there is none. */
    trunkPrefix: string;
    /** Shortest and longest national significant number. */
    minLength: number;
    maxLength: number;
    /** What a caller in this country dials before a foreign calling code (`00`, `011`). */
    internationalPrefix: string;
    /**
     * True where a leading 0 belongs to the number itself (Italy: `+39 06…` is Rome), so a `(0)`
     * written after the calling code is kept rather than dropped as a trunk prefix.
     */
    zeroIsPartOfNumber: boolean;
    /** The digits a national significant number may start with (`23456789` in North America), `''` for any. */
    firstDigits: string;
    /**
     * For a country that shares its calling code: the NSN prefixes (area codes) that are its own.
     * The country of a shared code without such a list is the code's main country (US for `1`).
     */
    leadingDigits: readonly string[];
}

const plan = (
    callingCode: string,
    trunkPrefix: string,
    minLength: number,
    maxLength: number,
    internationalPrefix: string,
    zeroIsPartOfNumber = false,
    firstDigits = '',
    leadingDigits: readonly string[] = []
): NumberingPlan => ({
    callingCode,
    trunkPrefix,
    minLength,
    maxLength,
    internationalPrefix,
    zeroIsPartOfNumber,
    firstDigits,
    leadingDigits
});

/** Canadian area codes (the rest of +1 is reported as US: the E.164 number is the same either way). */
const CANADIAN_AREA_CODES: readonly string[] = [
    '204',
    '226',
    '236',
    '249',
    '250',
    '263',
    '289',
    '306',
    '343',
    '354',
    '365',
    '367',
    '368',
    '382',
    '403',
    '416',
    '418',
    '428',
    '431',
    '437',
    '438',
    '450',
    '468',
    '474',
    '506',
    '514',
    '519',
    '548',
    '579',
    '581',
    '584',
    '587',
    '604',
    '613',
    '639',
    '647',
    '672',
    '683',
    '705',
    '709',
    '742',
    '753',
    '778',
    '780',
    '782',
    '807',
    '819',
    '825',
    '867',
    '873',
    '879',
    '902',
    '905'
];

export const NUMBERING_PLANS: Readonly<Record<string, NumberingPlan>> = {
    // North America
    US: plan('1', '', 10, 10, '011', false, '23456789'),
    CA: plan('1', '', 10, 10, '011', false, '23456789', CANADIAN_AREA_CODES),
    MX: plan('52', '', 10, 10, '00'),
    // Europe
    AT: plan('43', '0', 4, 13, '00'),
    BE: plan('32', '0', 8, 9, '00'),
    BG: plan('359', '0', 7, 9, '00'),
    CH: plan('41', '0', 9, 9, '00'),
    CY: plan('357', '', 8, 8, '00'),
    CZ: plan('420', '', 9, 9, '00'),
    DE: plan('49', '0', 6, 13, '00'),
    DK: plan('45', '', 8, 8, '00'),
    EE: plan('372', '', 7, 8, '00'),
    ES: plan('34', '', 9, 9, '00'),
    FI: plan('358', '0', 5, 12, '00'),
    FR: plan('33', '0', 9, 9, '00'),
    GB: plan('44', '0', 9, 10, '00'),
    GR: plan('30', '', 10, 10, '00'),
    HR: plan('385', '0', 8, 9, '00'),
    HU: plan('36', '06', 8, 9, '00'),
    IE: plan('353', '0', 7, 9, '00'),
    IS: plan('354', '', 7, 7, '00'),
    IT: plan('39', '', 6, 11, '00', true),
    LU: plan('352', '', 4, 11, '00'),
    LV: plan('371', '', 8, 8, '00'),
    MT: plan('356', '', 8, 8, '00'),
    NL: plan('31', '0', 9, 9, '00'),
    NO: plan('47', '', 8, 8, '00'),
    PL: plan('48', '', 9, 9, '00'),
    PT: plan('351', '', 9, 9, '00'),
    RO: plan('40', '0', 9, 9, '00'),
    SE: plan('46', '0', 6, 9, '00'),
    SI: plan('386', '0', 8, 8, '00'),
    SK: plan('421', '0', 9, 9, '00')
};
