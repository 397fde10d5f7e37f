/**
 * `System.UserInfo` (Apex Reference Guide › UserInfo Class): the running user's details, read from
 * their User record (the innermost `System.runAs` user, else the runner's), and the org's from its
 * Organization record. A field the record does not carry is refused, never invented.
 */
import { UnsupportedApexError } from '../../errors.ts';
import type { SObject } from '../../data/sobject.ts';
import type { ApexValue } from '../model.ts';
import { defineNative } from './registry.ts';
import type { NativeClass, NativeOverload, NativeRuntime } from './registry.ts';
import { orgContextOf } from './org-context.ts';
import { timeZoneValue } from './temporal.ts';

function user(rt: NativeRuntime, method: string): SObject {
    const u = orgContextOf(rt, `UserInfo.${method}`).runningUser();
    if (!u) throw new UnsupportedApexError(`UserInfo.${method} (no running user record)`);
    return u;
}

/** A field of a record, refused when the record does not carry it. */
function field(rec: SObject, name: string, method: string): ApexValue {
    if (!rec.has(name)) throw new UnsupportedApexError(`UserInfo.${method} (${rec.type}.${name} is not set)`);
    return rec.get(name) as ApexValue;
}

function userField(name: string, method: string): NativeOverload[] {
    return [{ params: [], fn: (rt: NativeRuntime) => field(user(rt, method), name, method) }];
}

function organization(rt: NativeRuntime, method: string): SObject {
    const o = orgContextOf(rt, `UserInfo.${method}`).organization();
    if (!o) throw new UnsupportedApexError(`UserInfo.${method} (no Organization record)`);
    return o;
}

/** `getName()`: the User's Name, a concatenation of FirstName and LastName (Object Reference › Name). */
function fullName(u: SObject): ApexValue {
    if (u.has('Name') && u.get('Name') !== null) return u.get('Name') as ApexValue;
    const first = u.has('FirstName') ? (u.get('FirstName') as string | null) : null;
    const last = field(u, 'LastName', 'getName') as string | null;
    return [first, last].filter((x) => x !== null && x !== '').join(' ');
}

/**
 * `getDefaultCurrency()`: "the context user's default currency code for multiple currency organizations
 * or the organization's currency code for single currency organizations". `User.DefaultCurrencyIsoCode`
 * exists only with multiple currencies (`data/org-features.ts`); a single-currency org's currency is its
 * Currency Locale, which the host gives (`OrgContext.orgCurrency`).
 */
function defaultCurrency(rt: NativeRuntime): ApexValue {
    const ctx = orgContextOf(rt, 'UserInfo.getDefaultCurrency');
    const u = user(rt, 'getDefaultCurrency');
    if (u.describe.fields.has('defaultcurrencyisocode'))
        return field(u, 'DefaultCurrencyIsoCode', 'getDefaultCurrency');
    const code = ctx.orgCurrency?.();
    if (code === undefined)
        throw new UnsupportedApexError(
            "UserInfo.getDefaultCurrency (the single-currency org's currency: the host gives none)"
        );
    return code;
}

function refused(what: string): NativeOverload[] {
    return [
        {
            params: [],
            fn: () => {
                throw new UnsupportedApexError(`UserInfo.${what}`);
            }
        }
    ];
}

export const UserInfoNative: NativeClass = defineNative({
    name: 'UserInfo',
    namespace: 'System',
    statics: {
        getUserId: [
            {
                params: [],
                fn: (rt: NativeRuntime) => {
                    const u = user(rt, 'getUserId');
                    if (!u.id)
                        throw new UnsupportedApexError('UserInfo.getUserId of a running user that was never inserted');
                    return u.id;
                }
            }
        ],
        getUserName: userField('Username', 'getUserName'),
        getName: [{ params: [], fn: (rt: NativeRuntime) => fullName(user(rt, 'getName')) }],
        getFirstName: userField('FirstName', 'getFirstName'),
        getLastName: userField('LastName', 'getLastName'),
        getUserEmail: userField('Email', 'getUserEmail'),
        getProfileId: userField('ProfileId', 'getProfileId'),
        getUserRoleId: userField('UserRoleId', 'getUserRoleId'),
        getUserType: userField('UserType', 'getUserType'),
        getLanguage: userField('LanguageLocaleKey', 'getLanguage'),
        getLocale: userField('LocaleSidKey', 'getLocale'),
        getDefaultCurrency: [{ params: [], fn: (rt: NativeRuntime) => defaultCurrency(rt) }],
        getTimeZone: [
            {
                params: [],
                fn: (rt: NativeRuntime) => {
                    const id = field(user(rt, 'getTimeZone'), 'TimeZoneSidKey', 'getTimeZone');
                    if (typeof id !== 'string')
                        throw new UnsupportedApexError('UserInfo.getTimeZone (no TimeZoneSidKey)');
                    return timeZoneValue(id);
                }
            }
        ],
        getOrganizationId: [
            {
                params: [],
                fn: (rt: NativeRuntime) => {
                    const o = organization(rt, 'getOrganizationId');
                    if (!o.id)
                        throw new UnsupportedApexError(
                            'UserInfo.getOrganizationId (Organization record without an Id)'
                        );
                    return o.id;
                }
            }
        ],
        getOrganizationName: [
            {
                params: [],
                fn: (rt: NativeRuntime) => field(organization(rt, 'getOrganizationName'), 'Name', 'getOrganizationName')
            }
        ],
        // The theme a test context reports is not documented.
        getUiTheme: refused('getUiTheme (the theme of a test context is not documented)'),
        getUiThemeDisplayed: refused('getUiThemeDisplayed (the theme of a test context is not documented)'),
        getSessionId: refused('getSessionId (sessions are not modelled)'),
        isCurrentUserLicensed: [
            {
                params: ['String'],
                fn: () => {
                    throw new UnsupportedApexError(
                        'UserInfo.isCurrentUserLicensed (package licenses are not modelled)'
                    );
                }
            }
        ],
        isMultiCurrencyOrganization: refused('isMultiCurrencyOrganization (currencies are not modelled)')
    }
});
