import '../../../../../test/jest-utils/adminApex';
import WebexAdminChat, { FEATURE } from 'c/webexAdminChat';
import getFeatureAccess from '@salesforce/apex/WebexEnablementController.getFeatureAccess';
import saveFeatureAccess from '@salesforce/apex/WebexEnablementController.saveFeatureAccess';
import notAdminRejection from '../../../../../test/jest-utils/data/notAdminRejection.json';
import unexpectedRejection from '../../../../../test/jest-utils/data/unexpectedRejection.json';
import { deepQuery } from '../../../../../test/jest-utils/shadowQuery';
import {
    type ButtonStub,
    type Host,
    $,
    flushPromises,
    mountSection,
    resetPage,
    setChecked,
    text,
    toasts
} from '../../../../../test/jest-utils/adminSection';

jest.mock('@salesforce/label/c.WebexAccess_Saved', () => ({ default: 'Saved: {0}.' }), { virtual: true });

const mockGet = jest.mocked(getFeatureAccess);
const mockSave = jest.mocked(saveFeatureAccess);

const SAM: WebexFeatureGrantee = {
    id: '005Wb0000000002AAA',
    name: 'Sam Rep',
    type: 'User',
    detail: 'sam.rep@acme-webex.example',
    active: true
};

type EnablementHost = HTMLElement & {
    shadowRoot: ShadowRoot;
    feature: string;
    label: string;
    description: string;
    switchLabel: string;
};

async function mount(enabledForAll = false, grantees: WebexFeatureGrantee[] = []): Promise<Host> {
    mockGet.mockResolvedValue({ feature: FEATURE, enabledForAll, grantees });
    return mountSection('c-webex-admin-chat', WebexAdminChat, {}, flushPromises);
}

function editor(element: Host): EnablementHost {
    return $(element, 'c-webex-admin-enablement') as EnablementHost;
}

/** In the enablement picker, which keeps its frame, switch and save row in its own shadow root. */
function inEditor(element: Host, selector: string): HTMLElement | null {
    const chat = editor(element);
    return chat ? deepQuery(chat.shadowRoot, selector) : null;
}

const toggle = (element: Host): HTMLInputElement => inEditor(element, 'input[data-switch]') as HTMLInputElement;
const save = (element: Host): ButtonStub => inEditor(element, 'lightning-button[data-action="save"]') as ButtonStub;
const said = (element: Host, selector: string): string =>
    (inEditor(element, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('c-webex-admin-chat', () => {
    afterEach(resetPage);

    it('is titled as the guide names it, says what chat is, and edits who has instant chat', async () => {
        const element = await mount();
        expect(text(element, '[data-heading]')).toBe('c.WebexChatAdmin_Title');
        expect(text(element, '[data-help]')).toBe('c.WebexChatAdmin_Help');
        expect(mockGet).toHaveBeenCalledWith({ feature: 'InstantChat' });
        const chat = editor(element);
        expect(chat.feature).toBe('InstantChat');
        expect(chat.label).toBe('c.WebexChatAdmin_Who');
        expect(chat.description).toBe('c.WebexChatAdmin_WhoHelp');
        expect(chat.closest('[data-feature]')?.getAttribute('data-feature')).toBe('InstantChat');
        await expect(element).toBeAccessible();
    });

    it("gives the switch the guide's words, off until switched on", async () => {
        const element = await mount();
        expect(toggle(element).checked).toBe(false);
        expect(toggle(element).getAttribute('role')).toBe('switch');
        expect(toggle(element).closest('label')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
            'c.WebexChatAdmin_EnableForAll'
        );
    });

    it('saves instant chat on for everyone with its own Save, and says so', async () => {
        const element = await mount(false, [SAM]);
        const seen = toasts(element);
        await setChecked(toggle(element), true);
        mockSave.mockResolvedValue({ feature: FEATURE, enabledForAll: true, grantees: [SAM] });
        save(element).click();
        await flushPromises();
        expect(mockSave).toHaveBeenCalledWith({ feature: 'InstantChat', enabledForAll: true, granteeIds: [SAM.id] });
        expect(said(element, '[data-success]')).toBe('Saved: c.WebexChatAdmin_Who.');
        expect(seen).toHaveLength(1);
        expect(save(element).disabled).toBe(true);
    });

    it('keeps the switch as it was left, with the reason, when the save fails', async () => {
        const element = await mount();
        await setChecked(toggle(element), true);
        mockSave.mockRejectedValue(unexpectedRejection);
        save(element).click();
        await flushPromises();
        expect(said(element, '[data-save-error]')).toBe('Something went wrong: UNABLE_TO_LOCK_ROW');
        expect(toggle(element).checked).toBe(true);
        expect(save(element).disabled).toBe(false);
    });

    it('says why it cannot load, with Retry', async () => {
        mockGet.mockRejectedValue(notAdminRejection);
        const element = await mountSection('c-webex-admin-chat', WebexAdminChat, {}, flushPromises);
        expect(said(element, '[data-load-error]')).toBe(
            'You need the Webex Admin permission set to view or change Webex settings.'
        );
        expect(toggle(element)).toBeNull();
        mockGet.mockResolvedValue({ feature: FEATURE, enabledForAll: true, grantees: [] });
        (inEditor(element, 'lightning-button[data-action="retry"]') as HTMLElement).click();
        await flushPromises();
        expect(toggle(element).checked).toBe(true);
    });
});
