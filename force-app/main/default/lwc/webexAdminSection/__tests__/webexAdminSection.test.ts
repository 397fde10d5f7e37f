import { createElement } from 'lwc';
import WebexAdminSection, { type SectionFrame } from 'c/webexAdminSection';
import { IDLE, type SectionState } from 'c/webexAdminSectionFlow';
import { $, text, type ButtonStub } from '../../../../../test/jest-utils/adminSection';

type Host = HTMLElement & { shadowRoot: ShadowRoot; frame?: SectionFrame; state?: SectionState | null };

const FORM: SectionFrame = {
    heading: 'Webex Phone Fields',
    iconName: 'standard:call',
    help: 'Choose the phone fields.',
    dirty: true,
    labels: {
        save: 'Save',
        unsaved: 'Unsaved changes',
        loadErrorTitle: 'Not loaded',
        errorTitle: 'Not saved',
        retry: 'Retry'
    }
};
const ACTIONS: SectionFrame = {
    heading: 'Webex Site for Webhooks',
    iconName: 'standard:global_constant',
    notices: true,
    labels: { errorTitle: 'Something went wrong' }
};

async function mount(frame: SectionFrame, state: SectionState | null): Promise<Host> {
    const element = createElement('c-webex-admin-section', { is: WebexAdminSection }) as Host;
    element.frame = frame;
    element.state = state;
    document.body.appendChild(element);
    await Promise.resolve();
    return element;
}

describe('c-webex-admin-section', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    });

    it('titles a card with its help, and says what is loading before the fields show', async () => {
        const element = await mount(FORM, { ...IDLE, busy: 'loading', busyMessage: 'Loading…' });
        expect(text(element, 'h2[data-heading]')).toBe('Webex Phone Fields');
        expect(text(element, '[data-help]')).toBe('Choose the phone fields.');
        expect(text(element, '[data-busy]')).toBe('Loading…');
        expect($(element, 'slot:not([name])')).toBeNull();
        expect($(element, 'lightning-button[data-action="save"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('says why the load failed and asks the section to retry', async () => {
        const element = await mount(FORM, { ...IDLE, loadError: 'You need the Webex Admin permission set.' });
        const retried = jest.fn();
        element.addEventListener('retry', retried);
        expect(text(element, '[role="alert"] h3')).toBe('Not loaded');
        expect(text(element, '[data-load-error]')).toBe('You need the Webex Admin permission set.');
        const retry = $(element, 'lightning-button[data-action="retry"]') as ButtonStub;
        expect(retry.label).toBe('Retry');
        retry.click();
        expect(retried).toHaveBeenCalledTimes(1);
        await expect(element).toBeAccessible();
    });

    it('shows the fields once loaded, then the save row that asks the section to save', async () => {
        const element = await mount(FORM, { ...IDLE, loaded: true });
        const saved = jest.fn();
        element.addEventListener('save', saved);
        expect($(element, 'slot:not([name])')).not.toBeNull();
        expect(text(element, '[data-unsaved]')).toBe('Unsaved changes');
        const save = $(element, 'lightning-button[data-action="save"]') as ButtonStub;
        expect(save.disabled).toBe(false);
        save.click();
        expect(saved).toHaveBeenCalledTimes(1);
        element.state = { ...IDLE, loaded: true, busy: 'saving', busyMessage: 'Saving…' };
        await Promise.resolve();
        expect(save.disabled).toBe(true);
        expect(text(element, '[data-busy]')).toBe('Saving…');
        element.state = { ...IDLE, loaded: true, error: 'Row locked.' };
        await Promise.resolve();
        expect(text(element, '[role="alert"] h3')).toBe('Not saved');
        expect(text(element, '[data-save-error]')).toBe('Row locked.');
    });

    it('nests a part under an h3, with h4 alert titles', async () => {
        const element = await mount(
            { ...FORM, nested: true, compact: true, iconName: undefined },
            { ...IDLE, loadError: 'Offline.' }
        );
        expect(text(element, 'h3[data-heading]')).toBe('Webex Phone Fields');
        expect($(element, 'h2')).toBeNull();
        expect(text(element, '[role="alert"] h4')).toBe('Not loaded');
    });

    it('shows the fields of a section without a state, and no save row without a Save label', async () => {
        const element = await mount({ heading: 'Webex Feature Access', labels: {} }, null);
        expect($(element, 'slot:not([name])')).not.toBeNull();
        expect($(element, 'c-webex-admin-save-status')).toBeNull();
        expect($(element, '[data-help]')).toBeNull();
    });

    it('says, for an action section, what is under way, what was done and what failed', async () => {
        const element = await mount(ACTIONS, { ...IDLE, busy: 'creating', busyMessage: 'Creating the site…' });
        expect($(element, 'slot:not([name])')).not.toBeNull();
        expect(text(element, '[data-busy]')).toBe('Creating the site…');
        element.state = { ...IDLE, success: 'Site created.' };
        await Promise.resolve();
        expect(text(element, '[data-success] p')).toBe('Site created.');
        expect($(element, '[data-success] p')?.className).toBe('');
        element.frame = { ...ACTIONS, successDetail: true };
        element.state = { ...IDLE, success: 'Site created.', error: 'Metadata API refused.' };
        await Promise.resolve();
        expect($(element, '[data-success] p')?.className).toBe('slds-text-heading_small');
        expect(text(element, '[role="alert"] h3')).toBe('Something went wrong');
        expect(text(element, '[data-error-message]')).toBe('Metadata API refused.');
        expect($(element, 'c-webex-admin-save-status')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
