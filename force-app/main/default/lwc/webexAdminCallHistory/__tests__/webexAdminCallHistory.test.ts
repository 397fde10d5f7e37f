import '../../../../../test/jest-utils/adminApex';
import WebexAdminCallHistory, { FEATURE } from 'c/webexAdminCallHistory';
import getFeatureAccess from '@salesforce/apex/WebexEnablementController.getFeatureAccess';
import saveFeatureAccess from '@salesforce/apex/WebexEnablementController.saveFeatureAccess';
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

jest.mock(
    '@salesforce/label/c.WebexCallingAdmin_CallHistoryGrantees',
    () => ({ default: 'Still on for {0} profiles or users chosen one by one before.' }),
    { virtual: true }
);

const mockGet = jest.mocked(getFeatureAccess);
const mockSave = jest.mocked(saveFeatureAccess);

const CAMILLE: WebexFeatureGrantee = {
    id: '005Wb0000000003AAA',
    name: 'Camille Vente',
    type: 'User',
    detail: 'camille.vente@acme-webex.example',
    active: true
};

async function mount(enabledForAll: boolean, grantees: WebexFeatureGrantee[] = []): Promise<Host> {
    mockGet.mockResolvedValue({ feature: FEATURE, enabledForAll, grantees });
    return mountSection('c-webex-admin-call-history', WebexAdminCallHistory);
}

function toggle(element: Host): HTMLInputElement {
    return $(element, 'input[data-switch]') as HTMLInputElement;
}

async function flip(element: Host): Promise<void> {
    const input = toggle(element);
    await setChecked(input, !input.checked);
}

describe('c-webex-admin-call-history', () => {
    afterEach(resetPage);

    it('shows one switch for all users, off until switched on, and what off means', async () => {
        const element = await mount(false);
        expect(mockGet).toHaveBeenCalledWith({ feature: 'CallHistory' });
        expect(toggle(element).checked).toBe(false);
        expect(toggle(element).getAttribute('role')).toBe('switch');
        expect(text(element, 'label.slds-checkbox_toggle .slds-form-element__label')).toBe(
            'c.WebexCallingAdmin_CallHistorySwitch'
        );
        expect(text(element, '[data-switch-help]')).toBe('c.WebexCallingAdmin_CallHistoryOffHelp');
        expect($(element, '[data-grantees]')).toBeNull();
        expect(saveButton(element).disabled).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('switches on for all users, keeping the profiles and users chosen before', async () => {
        const element = await mount(false, [CAMILLE]);
        expect(text(element, '[data-grantees]')).toBe('Still on for 1 profiles or users chosen one by one before.');
        const seen = toasts(element);
        await flip(element);
        expect(text(element, '[data-switch-help]')).toBe('c.WebexCallingAdmin_CallHistoryOnHelp');
        expect(text(element, '[data-unsaved]')).toBe('c.WebexCallingAdmin_Unsaved');
        expect($(element, '[data-grantees]')).toBeNull();
        mockSave.mockResolvedValue({ feature: FEATURE, enabledForAll: true, grantees: [CAMILLE] });
        saveButton(element).click();
        await settle();
        expect(mockSave).toHaveBeenCalledWith({
            feature: 'CallHistory',
            enabledForAll: true,
            granteeIds: [CAMILLE.id]
        });
        expect(text(element, '[data-success]')).toBe('Saved: c.WebexCallingAdmin_CallHistoryTitle.');
        expect(seen).toHaveLength(1);
        expect(saveButton(element).disabled).toBe(true);
    });

    it('keeps the switch as it was left, with the reason, when the save fails', async () => {
        const element = await mount(true);
        await flip(element);
        const answer = pending();
        mockSave.mockReturnValue(answer.promise);
        saveButton(element).click();
        await settle();
        expect(text(element, '[data-busy]')).toBe('c.WebexCallingAdmin_Saving');
        expect(toggle(element).disabled).toBe(true);
        answer.reject(unexpectedRejection);
        await settle();
        expect(text(element, '[data-save-error]')).toBe('Something went wrong: UNABLE_TO_LOCK_ROW');
        expect(toggle(element).checked).toBe(false);
        expect(saveButton(element).disabled).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('says why it cannot load, and loads when asked to try again', async () => {
        mockGet.mockRejectedValueOnce(notAdminRejection);
        const element = mountLoading('c-webex-admin-call-history', WebexAdminCallHistory);
        await Promise.resolve();
        expect(text(element, '[data-busy]')).toBe('c.WebexCallingAdmin_Loading');
        await settle();
        expect(text(element, '[data-load-error]')).toBe(
            'You need the Webex Admin permission set to view or change Webex settings.'
        );
        expect(toggle(element)).toBeNull();
        mockGet.mockResolvedValueOnce({ feature: FEATURE, enabledForAll: true, grantees: [] });
        ($(element, 'lightning-button[data-action="retry"]') as HTMLElement).click();
        await settle();
        expect(toggle(element).checked).toBe(true);
    });
});
