import { createElement } from 'lwc';
import WebexDialer from 'c/webexDialer';
import { EnclosingUtilityId, open } from 'lightning/platformUtilityBarApi';
import getDialerSettings from '@salesforce/apex/WebexCallController.getDialerSettings';

jest.mock('@salesforce/apex/WebexCallController.getDialerSettings', () => ({ default: jest.fn() }), { virtual: true });
jest.mock(
    'lightning/platformUtilityBarApi',
    () => {
        const { createTestWireAdapter } = require('@salesforce/wire-service-jest-util');
        return { EnclosingUtilityId: createTestWireAdapter(jest.fn()), open: jest.fn() };
    },
    { virtual: true }
);

type TabStub = HTMLElement & { label: string };
const utilityId = EnclosingUtilityId as unknown as { emit: (value: string | undefined) => void };

async function mount(): Promise<HTMLElement> {
    jest.mocked(getDialerSettings).mockReturnValue(new Promise(() => undefined));
    const element = createElement('c-webex-dialer', { is: WebexDialer });
    document.body.appendChild(element);
    await Promise.resolve();
    return element;
}

const calling = (element: HTMLElement) =>
    (element.shadowRoot?.querySelector('lightning-tab') as TabStub).querySelector('c-webex-calling') as HTMLElement;

describe('c-webex-dialer', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.resetAllMocks();
    });

    it('holds Calling in a tab of its own (Chat joins it later)', async () => {
        const element = await mount();
        const tab = element.shadowRoot?.querySelector('lightning-tab') as TabStub;
        expect(tab.label).toBe('c.WebexDialer_TabCalling');
        expect(calling(element)).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('opens its utility panel when Calling asks for attention', async () => {
        jest.mocked(open).mockResolvedValue(true);
        const element = await mount();
        utilityId.emit('utility-7');
        calling(element).dispatchEvent(new CustomEvent('attention'));
        expect(open).toHaveBeenCalledWith('utility-7', { autoFocus: false });
    });

    it('opens nothing outside a utility bar, and ignores a refusal', async () => {
        const element = await mount();
        calling(element).dispatchEvent(new CustomEvent('attention'));
        expect(open).not.toHaveBeenCalled();
        jest.mocked(open).mockRejectedValue(new Error('no utility bar'));
        utilityId.emit('utility-7');
        calling(element).dispatchEvent(new CustomEvent('attention'));
        await Promise.resolve();
        expect(open).toHaveBeenCalledTimes(1);
    });
});
