/**
 * The WebexSdk static resource's entry: the MIT-licensed `@webex/*` plugins the package's messaging needs,
 * registered on the SDK core, and `window.Webex`, the constructor the components call
 * (`Webex.init({ credentials: { access_token }, config })`). The `webex` meta-package is under Cisco's General
 * Terms and is not used: this file is the package's own composition of the MIT parts (docs/webex-sdk.md).
 */
// No 'use strict' directive at the top: Lightning Web Security documents that a library setting strict mode can fail
// when it writes its global (Lightning Web Security › Third-Party Library Considerations › Third-Party Library Sets
// Strict Mode, https://developer.salesforce.com/docs/platform/lightning-components-security/guide/lws-js.html).

// Each plugin registers itself on the core when required; the order is the dependency order.
require('@webex/plugin-logger');
require('@webex/internal-plugin-device');
require('@webex/internal-plugin-mercury');
require('@webex/plugin-people');
require('@webex/plugin-rooms');
require('@webex/plugin-memberships');
require('@webex/plugin-messages');
require('@webex/plugin-attachment-actions');

const WebexCore = require('@webex/webex-core').default;

/**
 * Webex's public discovery hosts. The SDK's own defaults name the older api.ciscospark.com; the package's Apex
 * calls webexapis.com (WebexApiClient), so the browser uses the same host. CSP Trusted Sites must allow these and
 * the hosts the catalog returns (docs/webex-sdk.md).
 */
const DISCOVERY = Object.freeze({
    hydra: 'https://webexapis.com/v1',
    u2c: 'https://u2c.wbx2.com/u2c/api/v1'
});

/** Plain objects are merged key by key; anything else in `override` replaces the default. */
function mergeConfig(defaults, override) {
    const merged = { ...defaults };
    for (const [key, value] of Object.entries(override || {})) {
        const base = merged[key];
        const bothObjects =
            base && value && typeof base === 'object' && typeof value === 'object' && !Array.isArray(value);
        merged[key] = bothObjects ? mergeConfig(base, value) : value;
    }
    return merged;
}

const Webex = WebexCore.extend({ webex: true });

/**
 * `Webex.init({ credentials: { access_token }, config })`: a new SDK instance for one rep's short-lived access
 * token, with the package's defaults (discovery hosts, warnings-only logging) under the caller's `config`.
 */
Webex.init = function init(attrs) {
    const options = attrs || {};
    const defaults = { services: { discovery: { ...DISCOVERY } }, logger: { level: 'warn' } };
    return new Webex({ ...options, config: mergeConfig(defaults, options.config) });
};

window.Webex = Webex;
