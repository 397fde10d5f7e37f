import { createElement } from 'lwc';
import WebexAdminSaveStatus from 'c/webexAdminSaveStatus';
import { deepQuery } from '../../../../../test/jest-utils/shadowQuery';

type Props = {
    saveDisabled?: boolean;
    isDirty?: boolean;
    busyMessage?: string;
    successMessage?: string;
    errorMessage?: string;
    subHeading?: boolean;
    compact?: boolean;
};
type Host = HTMLElement & { shadowRoot: ShadowRoot } & Props;
type ButtonStub = HTMLElement & { disabled: boolean; label: string };

async function mount(props: Props): Promise<Host> {
    const element = createElement('c-webex-admin-save-status', { is: WebexAdminSaveStatus }) as Host;
    Object.assign(element, { saveLabel: 'Save', unsavedMessage: 'Unsaved changes', errorTitle: 'Not saved' }, props);
    document.body.appendChild(element);
    await Promise.resolve();
    return element;
}

/** The text of what matches `selector`, its alert included; null when nothing does. */
function text(element: Host, selector: string): string | null {
    const found = deepQuery(element.shadowRoot, selector);
    return found ? (found.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
}

function saveButton(element: Host): ButtonStub {
    return element.shadowRoot.querySelector('lightning-button[data-action="save"]') as ButtonStub;
}

describe('c-webex-admin-save-status', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    });

    it('shows the Save button and nothing else when there is nothing to say', async () => {
        const element = await mount({ saveDisabled: true });
        expect(saveButton(element).label).toBe('Save');
        expect(saveButton(element).disabled).toBe(true);
        expect(element.shadowRoot.querySelector('[data-status-region]')?.getAttribute('aria-live')).toBe('polite');
        expect(text(element, '[data-status-region]')).toBe('');
        expect(element.shadowRoot.querySelector('[role="alert"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('says busy over saved over unsaved', async () => {
        const element = await mount({ isDirty: true });
        expect(text(element, '[data-unsaved]')).toBe('Unsaved changes');
        element.successMessage = 'Saved.';
        await Promise.resolve();
        expect(text(element, '[data-success]')).toBe('Saved.');
        expect(text(element, '[data-unsaved]')).toBeNull();
        element.busyMessage = 'Saving…';
        await Promise.resolve();
        expect(text(element, '[data-busy]')).toBe('Saving…');
        expect(text(element, '[data-success]')).toBeNull();
    });

    it('fires save when Save is clicked', async () => {
        const element = await mount({});
        const onSave = jest.fn();
        element.addEventListener('save', onSave);
        saveButton(element).click();
        expect(onSave).toHaveBeenCalledTimes(1);
    });

    it('shows the save error as an alert, with an h3 title or an h4 one', async () => {
        const element = await mount({ errorMessage: 'Row locked' });
        expect(text(element, '[data-save-error]')).toBe('Row locked');
        expect(text(element, '[role="alert"] h3')).toBe('Not saved');
        element.subHeading = true;
        await Promise.resolve();
        expect(text(element, '[role="alert"] h4')).toBe('Not saved');
        expect(text(element, '[role="alert"] h3')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('sits closer to what is above it when compact', async () => {
        const element = await mount({});
        expect(element.shadowRoot.querySelector('.save-row')?.classList.contains('slds-m-top_medium')).toBe(true);
        element.compact = true;
        await Promise.resolve();
        const row = element.shadowRoot.querySelector('.save-row');
        expect(row?.classList.contains('slds-m-top_small')).toBe(true);
        expect(row?.classList.contains('save-row_compact')).toBe(true);
    });
});
