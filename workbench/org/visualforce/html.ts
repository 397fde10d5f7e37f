/** HTML output helpers of the Visualforce renderer. */

// The entities HTMLENCODE writes ("<B>Enter the user's name<b>" becomes "&lt;B&gt;Enter the user&#39;s
// name&lt;/b&gt;", Salesforce Help › HTMLENCODE, https://help.salesforce.com/apex/HTViewHelpDoc?id=platform.customize_functions_htmlencode.htm).
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML content and double-quoted attribute values. Visualforce HTML-encodes merge fields in
 * HTML context by default ("by default all merge fields are automatically HTML encoded", Trailhead › Injection
 * Vulnerability Prevention › Discover Built-in XSS Protections in Lightning Platform,
 * https://trailhead.salesforce.com/content/learn/modules/secdev_injection_vulnerabilities/secdev_inject_built_in_xss_protections).
 */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Elements HTML writes without an end tag (HTML Living Standard › 13.1.2 Elements › void elements). */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set([
    'area',
    'base',
    'br',
    'col',
    'embed',
    'hr',
    'img',
    'input',
    'link',
    'meta',
    'source',
    'track',
    'wbr'
]);
