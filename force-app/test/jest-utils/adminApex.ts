/**
 * Every Apex method a Webex Admin section calls, each a `jest.fn()` the test drives with `jest.mocked(method)`,
 * and the English value of the labels the sections share where a test reads them filled in (every other label
 * reads as its name, c.Label_Name).
 *
 * Import it FIRST in a section's test (`import '../../../../../test/jest-utils/adminApex';`), before the section:
 * the section's Apex imports are resolved when it is imported, and a method not mocked by then stays sfdx-lwc-jest's
 * plain fallback, which no test can drive. The Apex modules do not exist outside an org, hence `virtual`.
 */
const ADMIN_APEX: Readonly<Record<string, readonly string[]>> = {
    WebexAdminController: [
        'getIntegrationStatus',
        'saveAccessToken',
        'registerWebhooks',
        'reactivateWebhook',
        'getUserIntegration',
        'saveUserIntegration',
        'clearUserIntegration'
    ],
    WebexCallingAdminController: [
        'getPhoneFields',
        'savePhoneFields',
        'getCallLogObjects',
        'saveCallLogObjects',
        'getCallLogTabs',
        'getCallLogTabObjects',
        'getCallLogTabOptions',
        'saveCallLogTab',
        'deleteCallLogTab',
        'getCallingBackend',
        'saveCallingBackend'
    ],
    WebexEnablementController: ['getFeatureAccess', 'saveFeatureAccess', 'searchProfilesAndUsers'],
    WebexHealthCheckController: ['runHealthCheck', 'fillPhoneKeys', 'createCallEventChannel'],
    WebexPeopleSearchController: ['getPeopleSearchSettings', 'savePeopleSearchSettings'],
    WebexSalesforceAuthController: ['getAuthorizationStatus', 'startAuthorization', 'revokeAuthorization'],
    WebexSiteController: ['getSiteStatus', 'createSite', 'checkSite']
};

/** The English value of the shared labels a test reads filled in. */
const SHARED_LABELS: Readonly<Record<string, string>> = {
    WebexCallingAdmin_Saved: 'Saved: {0}.'
};

for (const [controller, methods] of Object.entries(ADMIN_APEX)) {
    for (const method of methods) {
        jest.mock(`@salesforce/apex/${controller}.${method}`, () => ({ default: jest.fn() }), { virtual: true });
    }
}
// babel-plugin-jest-hoist lets a factory use an outer variable only when its name starts with `mock`.
for (const [name, mockValue] of Object.entries(SHARED_LABELS)) {
    jest.mock(`@salesforce/label/c.${name}`, () => ({ default: mockValue }), { virtual: true });
}

export {};
