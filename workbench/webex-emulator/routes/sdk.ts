/**
 * What the Webex JS SDK asks for before its websocket: the U2C service catalog (before and after
 * sign-in) and WDM device registration. No public document describes these endpoints; paths, query
 * and shapes follow the SDK's source (`@webex/webex-core@3.12.0` `src/lib/services/services.js`,
 * `@webex/internal-plugin-device@3.12.0` `src/device.js`), as the emulator README lists.
 */
import { badRequest } from '../errors.ts';
import { bodyObject, sendJson, sendNoContent, type RequestContext } from '../http.ts';
import { webexRoute, type Route } from './route.ts';

/** Where each service the SDK looks up lives under the emulator's origin. */
export const CATALOG_SERVICES: Record<string, string> = {
    hydra: '/v1',
    u2c: '/u2c/api/v1',
    wdm: '/wdm/api/v1',
    conversation: '/conversation/api/v1',
    // The SDK posts client metrics on its own; without the service its promise rejects unhandled.
    metrics: '/metrics/api/v1'
};

/**
 * The cluster every host belongs to. The SDK turns a host's cluster into the `us` of the ids it builds
 * (`ciscospark://us/MESSAGE/…`) only for this name (`@webex/common` `src/constants.js`
 * `INTERNAL_US_CLUSTER_NAME`, `src/uuid-utils.js` `getHydraClusterString`), and the emulator's ids say `us`.
 */
export const CATALOG_CLUSTER = 'urn:TEAM:us-east-2_a';

/**
 * The catalog in the `hostmap` format: `serviceLinks` (service → URL) and `hostCatalog` (host with
 * port → hosts without port, each with a cluster id `urn:TEAM:<cluster>:<service>`), the two fields
 * the SDK reads (`services.js` `_formatReceivedHostmap`; it puts the port back on the host).
 */
export function serviceHostmap(origin: string): Record<string, unknown> {
    const { host, hostname } = new URL(origin);
    return {
        serviceLinks: Object.fromEntries(Object.entries(CATALOG_SERVICES).map(([name, path]) => [name, origin + path])),
        hostCatalog: {
            [host]: Object.keys(CATALOG_SERVICES).map((name) => ({
                host: hostname,
                ttl: -1,
                priority: 5,
                id: `${CATALOG_CLUSTER}:${name}`
            }))
        },
        format: 'hostmap'
    };
}

/** The SDK always asks for `format=hostmap` (`_fetchNewServiceHostmap`); the emulator speaks no other. */
function requireHostmap(ctx: RequestContext): void {
    if (ctx.url.searchParams.get('format') !== 'hostmap') throw badRequest('format must be hostmap.');
}

export const sdkRoutes: Route[] = [
    {
        // The pre-sign-in catalog: the SDK sends no token (auth interceptor, `limited` resources).
        method: 'GET',
        pattern: '/u2c/api/v1/limited/catalog',
        auth: false,
        handle: (ctx) => {
            requireHostmap(ctx);
            const keys = ['orgId', 'email', 'emailhash', 'userId', 'mode'];
            if (!keys.some((key) => ctx.url.searchParams.get(key)))
                throw badRequest('One of orgId, email, emailhash, userId or mode is required.');
            sendJson(ctx.res, 200, serviceHostmap(ctx.url.origin));
        }
    },
    webexRoute('GET', '/u2c/api/v1/catalog', undefined, (ctx) => {
        requireHostmap(ctx);
        sendJson(ctx.res, 200, serviceHostmap(ctx.url.origin));
    }),
    // Devices: the SDK's `listen()` needs `spark:all` (plugin-messages `messages.js`, listen's TSDoc).
    webexRoute('POST', '/wdm/api/v1/devices', 'spark:all', (ctx, state, user) => {
        const body = bodyObject(ctx);
        if (typeof body.deviceType !== 'string' || !body.deviceType) throw badRequest('deviceType is required.');
        const device = state.devices.register(user, body, ctx.url.origin);
        sendJson(ctx.res, 200, state.devices.view(device));
    }),
    webexRoute('GET', '/wdm/api/v1/devices', 'spark:all', (ctx, state, user) => {
        sendJson(ctx.res, 200, { devices: state.devices.ownedBy(user).map((d) => state.devices.view(d)) });
    }),
    webexRoute('GET', '/wdm/api/v1/devices/:deviceId', 'spark:all', (ctx, state, user) => {
        sendJson(ctx.res, 200, state.devices.view(state.devices.owned(ctx.params.deviceId, user)));
    }),
    webexRoute('PUT', '/wdm/api/v1/devices/:deviceId', 'spark:all', (ctx, state, user) => {
        const device = state.devices.refresh(state.devices.owned(ctx.params.deviceId, user), bodyObject(ctx));
        sendJson(ctx.res, 200, state.devices.view(device));
    }),
    webexRoute('DELETE', '/wdm/api/v1/devices/:deviceId', 'spark:all', (ctx, state, user) => {
        const device = state.devices.owned(ctx.params.deviceId, user);
        state.devices.remove(device);
        state.mercury.closeDevice(device.id);
        sendNoContent(ctx.res);
    }),
    {
        // Client metrics (`clientmetrics`, `clientmetrics-prelogin`, `metrics`): taken and dropped.
        method: 'POST',
        pattern: '/metrics/api/v1/:resource',
        auth: false,
        handle: ({ res }) => sendNoContent(res)
    },
    {
        // Control API: the SDK's registered devices and open websockets (pings, acknowledgements).
        method: 'GET',
        pattern: '/_emulator/mercury',
        auth: false,
        handle: ({ res }, state) =>
            sendJson(res, 200, {
                devices: state.devices.devices.map((d) => ({
                    ...state.devices.view(d),
                    personEmail: state.userById(d.personId)?.emails[0]
                })),
                connections: state.mercury.info()
            })
    }
];
