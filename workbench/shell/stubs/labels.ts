/**
 * The label values for the page's language, embedded by the build (`__WB_LABELS__`). The language is
 * the `lang` URL parameter (en or fr), kept on <html lang> for the Apex client.
 */
declare const __WB_LABELS__: Record<string, Record<string, string>>;

const requested = new URLSearchParams(window.location.search).get('lang');
export const language = requested === 'fr' ? 'fr' : 'en';
document.documentElement.lang = language;

export const labels: Record<string, string> = __WB_LABELS__[language];
