/**
 * c/webexSdk: the static resource is loaded once per page through lightning/platformResourceLoader, the SDK's
 * constructor handed over from `window.Webex`, and every failure becomes a WebexSdkUnavailable with its reason.
 */
import { LightningElement } from 'lwc';
import type * as WebexSdkModule from 'c/webexSdk';
import type * as Loader from 'lightning/platformResourceLoader';

const component = {} as LightningElement;
const FakeWebex = { init: jest.fn() };

let loadScript: jest.MockedFunction<typeof Loader.loadScript>;

/** A fresh page: the module's once-per-page promise starts empty (and the loader it imports is this page's). */
async function freshModule(): Promise<typeof WebexSdkModule> {
    let module: typeof WebexSdkModule | undefined;
    await jest.isolateModulesAsync(async () => {
        module = await import('c/webexSdk');
        const loader = await import('lightning/platformResourceLoader');
        loadScript = loader.loadScript as jest.MockedFunction<typeof Loader.loadScript>;
    });
    return module!;
}

/** What the static resource does when it runs: defines `window.Webex`. */
function scriptDefinesWebex(): void {
    loadScript.mockImplementation(() => {
        (window as unknown as { Webex?: unknown }).Webex = FakeWebex;
        return Promise.resolve();
    });
}

describe('c/webexSdk', () => {
    afterEach(() => {
        delete (window as unknown as { Webex?: unknown }).Webex;
    });

    it('loads the WebexSdk static resource and hands over window.Webex', async () => {
        const { loadWebexSdk } = await freshModule();
        scriptDefinesWebex();
        await expect(loadWebexSdk(component)).resolves.toBe(FakeWebex);
        expect(loadScript).toHaveBeenCalledWith(component, '/resource/1700000000000/WebexSdk');
    });

    it('loads the resource once per page: a second call, from any component, gets the same promise', async () => {
        const { loadWebexSdk } = await freshModule();
        scriptDefinesWebex();
        const first = loadWebexSdk(component);
        const second = loadWebexSdk({} as LightningElement);
        expect(second).toBe(first);
        await first;
        expect(loadWebexSdk(component)).toBe(first);
        expect(loadScript).toHaveBeenCalledTimes(1);
    });

    it('rejects with reason "network" when the script cannot be fetched, and does not try again on the page', async () => {
        const { loadWebexSdk, WebexSdkUnavailable } = await freshModule();
        loadScript.mockRejectedValue(new Error('Could not load /resource/1700000000000/WebexSdk'));
        const failure = loadWebexSdk(component);
        await expect(failure).rejects.toBeInstanceOf(WebexSdkUnavailable);
        await expect(failure).rejects.toMatchObject({ name: 'WebexSdkUnavailable', reason: 'network' });
        expect(loadWebexSdk(component)).toBe(failure);
        expect(loadScript).toHaveBeenCalledTimes(1);
    });

    it('says "network" for the error event a script element fires', async () => {
        const { loadWebexSdk } = await freshModule();
        loadScript.mockRejectedValue(new CustomEvent('error'));
        await expect(loadWebexSdk(component)).rejects.toMatchObject({
            reason: 'network',
            message: expect.stringContaining('error event')
        });
    });

    it('rejects with reason "blocked" when the page security refuses the script', async () => {
        const refusal = new Error('Refused to load the script because it violates the Content Security Policy');
        const { loadWebexSdk } = await freshModule();
        loadScript.mockRejectedValue(refusal);
        await expect(loadWebexSdk(component)).rejects.toMatchObject({ reason: 'blocked' });
    });

    it('rejects with reason "blocked" when the script ran but defined no Webex', async () => {
        const { loadWebexSdk } = await freshModule();
        await expect(loadWebexSdk(component)).rejects.toMatchObject({
            reason: 'blocked',
            message: expect.stringContaining('did not define window.Webex')
        });
    });

    it('says what else a loader rejected with', async () => {
        const { loadWebexSdk } = await freshModule();
        loadScript.mockRejectedValue('offline');
        await expect(loadWebexSdk(component)).rejects.toMatchObject({
            reason: 'network',
            message: expect.stringContaining('offline')
        });
    });
});
