/**
 * Stands in for `jsonwebtoken` in the browser bundle. The SDK core uses only `decode` (to read the org id
 * from a JWT's `realm` claim: webex-core `credentials.js` `extractOrgIdFromJWT`); the real package would bring
 * Node's `crypto` and `stream` polyfills for signing and verifying, which the browser never does here.
 */
/** The payload of a JWT (`header.payload.signature`, base64url JSON), or null when `token` is not one. */
function decode(token) {
    const parts = typeof token === 'string' ? token.split('.') : [];
    if (parts.length !== 3) return null;
    try {
        const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
        const json = decodeURIComponent(
            Array.from(atob(base64), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('')
        );
        const payload = JSON.parse(json);
        return payload && typeof payload === 'object' ? payload : null;
    } catch {
        return null;
    }
}

module.exports = { decode };
