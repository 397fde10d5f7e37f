import '../../../../../test/jest-utils/adminApex';
import WebexAdminCallingBackend, { BACKENDS, LIMITS } from 'c/webexAdminCallingBackend';
import getCallingBackend from '@salesforce/apex/WebexCallingAdminController.getCallingBackend';
import saveCallingBackend from '@salesforce/apex/WebexCallingAdminController.saveCallingBackend';
import notAdminRejection from '../../../../../test/jest-utils/data/notAdminRejection.json';
import unexpectedRejection from '../../../../../test/jest-utils/data/unexpectedRejection.json';
import {
    type Host,
    mountSection,
    settle,
    $,
    text,
    saveButton,
    resetPage,
    pending,
    setChecked,
    mountLoading,
    toasts
} from '../../../../../test/jest-utils/adminSection';

const mockGet = jest.mocked(getCallingBackend);
const mockSave = jest.mocked(saveCallingBackend);

async function mount(backend: WebexCallingBackend | string): Promise<Host> {
    mockGet.mockResolvedValue(backend as WebexCallingBackend);
    return mountSection('c-webex-admin-calling-backend', WebexAdminCallingBackend);
}

function radio(element: Host, value: string): HTMLInputElement {
    return $(element, `input[type="radio"][value="${value}"]`) as HTMLInputElement;
}

async function choose(element: Host, value: string): Promise<void> {
    const input = radio(element, value);
    await setChecked(input, true);
}

describe('c-webex-admin-calling-backend', () => {
    afterEach(resetPage);

    it('offers the three backends with what each means, Webex Calling chosen', async () => {
        const element = await mount('WebexCalling');
        const radios = [...element.shadowRoot.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
        expect(radios.map((input) => input.value)).toEqual(BACKENDS.map((backend) => backend.value));
        expect(radios.map((input) => input.checked)).toEqual([true, false, false]);
        expect(text(element, '[data-backend="UnifiedCM"] .backend-help')).toBe(
            'c.WebexCallingAdmin_BackendUnifiedCmHelp'
        );
        expect(text(element, 'legend')).toBe('c.WebexCallingAdmin_BackendLegend');
        expect($(element, '[data-limits]')).toBeNull();
        expect(saveButton(element).disabled).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('lists what Salesforce cannot do with Unified CM or BroadWorks, and saves the choice', async () => {
        const element = await mount('WebexCalling');
        const seen = toasts(element);
        await choose(element, 'BroadWorks');
        expect([...element.shadowRoot.querySelectorAll('[data-limits] li')].map((li) => li.textContent)).toEqual([
            ...LIMITS
        ]);
        expect(text(element, '[data-unsaved]')).toBe('c.WebexCallingAdmin_Unsaved');
        await expect(element).toBeAccessible();
        mockSave.mockResolvedValue('BroadWorks');
        saveButton(element).click();
        await settle();
        expect(mockSave).toHaveBeenCalledWith({ backend: 'BroadWorks' });
        expect(text(element, '[data-success]')).toBe('Saved: c.WebexCallingAdmin_BackendTitle.');
        expect(seen).toHaveLength(1);
        expect(saveButton(element).disabled).toBe(true);
    });

    it('ignores a value that is not a backend, and reads an unknown one as Webex Calling', async () => {
        const element = await mount('Skype');
        expect(radio(element, 'WebexCalling').checked).toBe(true);
        const input = radio(element, 'UnifiedCM');
        input.value = 'Skype';
        input.dispatchEvent(new CustomEvent('change'));
        await settle();
        expect(saveButton(element).disabled).toBe(true);
    });

    it('keeps the choice, with the reason, when the save fails', async () => {
        const element = await mount('UnifiedCM');
        expect($(element, '[data-limits]')).not.toBeNull();
        await choose(element, 'WebexCalling');
        expect($(element, '[data-limits]')).toBeNull();
        const answer = pending();
        mockSave.mockReturnValue(answer.promise);
        saveButton(element).click();
        await settle();
        expect(text(element, '[data-busy]')).toBe('c.WebexCallingAdmin_Saving');
        expect(radio(element, 'WebexCalling').disabled).toBe(true);
        answer.reject(unexpectedRejection);
        await settle();
        expect(text(element, '[data-save-error]')).toBe('Something went wrong: UNABLE_TO_LOCK_ROW');
        expect(radio(element, 'WebexCalling').checked).toBe(true);
        expect(saveButton(element).disabled).toBe(false);
    });

    it('says why it cannot load, and loads when asked to try again', async () => {
        mockGet.mockRejectedValueOnce(notAdminRejection);
        const element = mountLoading('c-webex-admin-calling-backend', WebexAdminCallingBackend);
        await Promise.resolve();
        expect(text(element, '[data-busy]')).toBe('c.WebexCallingAdmin_Loading');
        await settle();
        expect(text(element, '[data-load-error]')).toBe(
            'You need the Webex Admin permission set to view or change Webex settings.'
        );
        expect(radio(element, 'WebexCalling')).toBeNull();
        mockGet.mockResolvedValueOnce('UnifiedCM');
        ($(element, 'lightning-button[data-action="retry"]') as HTMLElement).click();
        await settle();
        expect(radio(element, 'UnifiedCM').checked).toBe(true);
    });
});
