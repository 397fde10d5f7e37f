/**
 * lightning/platformResourceLoader for Jest: `loadScript` and `loadStyle` are mocks that resolve, so a test can
 * make them reject, count the calls and define what the loaded script would (`window.Webex`) in its implementation.
 */
export const loadScript = jest.fn((): Promise<void> => Promise.resolve());
export const loadStyle = jest.fn((): Promise<void> => Promise.resolve());
