/**
 * Stands in for Node's `os` in the browser bundle: `@webex/common` `browser-detection.js` reads it only in its
 * non-browser fallback. The browser never reaches it; the answers say so if it ever does.
 */
module.exports = { platform: () => 'browser', release: () => '' };
