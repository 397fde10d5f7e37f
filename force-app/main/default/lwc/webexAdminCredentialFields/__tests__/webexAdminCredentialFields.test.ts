import WebexAdminCredentialFields, {
    credentialsOf,
    type CredentialAction,
    type CredentialField,
    type CredentialFieldsElement
} from 'c/webexAdminCredentialFields';
import { type Host, $, button, mountSection, resetPage } from '../../../../../test/jest-utils/adminSection';

type Row = Host & CredentialFieldsElement & { fields: CredentialField[]; busy: boolean; actions: CredentialAction[] };
type InputHost = HTMLElement & { shadowRoot: ShadowRoot; label: string; type: string; placeholder: string };

const FIELDS: CredentialField[] = [
    { name: 'clientId', label: 'Client ID', value: '', required: 'Enter the client ID.' },
    { name: 'secret', label: 'Client secret', type: 'password', value: '', placeholder: 'Stored', required: null }
];

function field(element: Row, name: string): InputHost {
    return $(element, `lightning-input[data-name="${name}"]`) as InputHost;
}

function typeInto(element: Row, name: string, value: string): void {
    const input = field(element, name).shadowRoot.querySelector('input') as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new CustomEvent('input'));
}

function fieldError(element: Row, name: string): string {
    return field(element, name).shadowRoot.querySelector('[data-help-message]')?.textContent ?? '';
}

const ACTIONS: CredentialAction[] = [
    { name: 'save', label: 'Save' },
    { name: 'clear', label: 'Clear', disabled: true }
];

async function mount(fields: CredentialField[] = FIELDS, actions: CredentialAction[] = ACTIONS): Promise<Row> {
    return mountSection<Row>('c-webex-admin-credential-fields', WebexAdminCredentialFields, { fields, actions });
}

/** The names of the `action` events the row sends from now on. */
function actionsOf(element: Row): string[] {
    const seen: string[] = [];
    element.addEventListener('action', (event) =>
        seen.push((event as CustomEvent<Pick<CredentialAction, 'name'>>).detail.name)
    );
    return seen;
}

describe('c-webex-admin-credential-fields', () => {
    afterEach(resetPage);

    it('shows each field labelled, a secret masked, with what the section holds', async () => {
        const element = await mount([{ ...FIELDS[0], value: 'C123' }, FIELDS[1]]);
        expect(field(element, 'clientId').label).toBe('Client ID');
        expect(field(element, 'clientId').type).toBe('text');
        expect((field(element, 'clientId') as unknown as { value: string }).value).toBe('C123');
        expect(field(element, 'secret').type).toBe('password');
        expect(field(element, 'secret').placeholder).toBe('Stored');
        await expect(element).toBeAccessible();
    });

    it('says under a required field left empty what it lacks, and only there', async () => {
        const element = await mount();
        expect(element.check()).toBe(false);
        await Promise.resolve();
        expect(fieldError(element, 'clientId')).toBe('Enter the client ID.');
        expect(fieldError(element, 'secret')).toBe('');
    });

    it('takes white space for empty, and what was typed before the section re-rendered for typed', async () => {
        const element = await mount();
        typeInto(element, 'clientId', '   ');
        expect(element.check()).toBe(false);
        typeInto(element, 'clientId', 'C123');
        expect(element.check()).toBe(true);
        await Promise.resolve();
        expect(fieldError(element, 'clientId')).toBe('');
    });

    it('tells the section each keystroke, and takes the error away once something is typed', async () => {
        const element = await mount();
        const changes: Array<{ name: string; value: string }> = [];
        element.addEventListener('fieldchange', (event) => changes.push((event as CustomEvent).detail));
        element.check();
        typeInto(element, 'clientId', ' ');
        await Promise.resolve();
        expect(fieldError(element, 'clientId')).toBe('Enter the client ID.');
        typeInto(element, 'clientId', 'C');
        await Promise.resolve();
        expect(fieldError(element, 'clientId')).toBe('');
        expect(changes).toEqual([
            { name: 'clientId', value: ' ' },
            { name: 'clientId', value: 'C' }
        ]);
    });

    it('marks the field Webex refused and puts the focus there', async () => {
        const element = await mount();
        element.refuse('secret', 'Webex refused this secret.');
        await Promise.resolve();
        expect(fieldError(element, 'secret')).toBe('Webex refused this secret.');
        expect(field(element, 'secret').shadowRoot.activeElement?.tagName).toBe('INPUT');
    });

    it('offers the section buttons after the fields, the first one brand, and says which was pressed', async () => {
        const element = await mount();
        const pressed = actionsOf(element);
        expect(button(element, 'save').label).toBe('Save');
        expect((button(element, 'save') as unknown as { variant: string }).variant).toBe('brand');
        expect((button(element, 'clear') as unknown as { variant: string }).variant).toBe('neutral');
        expect(button(element, 'clear').disabled).toBe(true);
        button(element, 'save').click();
        expect(pressed).toEqual(['save']);
    });

    it('takes Enter as the main button, unless the section is busy', async () => {
        const element = await mount();
        const pressed = actionsOf(element);
        const enter = () => new KeyboardEvent('keydown', { key: 'Enter', cancelable: true });
        const first = enter();
        field(element, 'clientId').dispatchEvent(first);
        expect(pressed).toEqual(['save']);
        expect(first.defaultPrevented).toBe(true);
        field(element, 'clientId').dispatchEvent(new KeyboardEvent('keydown', { key: 'a', cancelable: true }));
        element.busy = true;
        await Promise.resolve();
        const whileBusy = enter();
        field(element, 'clientId').dispatchEvent(whileBusy);
        expect(pressed).toEqual(['save']);
        expect(whileBusy.defaultPrevented).toBe(false);
    });

    it('shows no field without a list, and is found by its section through lwc:ref', async () => {
        const element = await mount(null as unknown as CredentialField[]);
        expect(element.fields).toEqual([]);
        expect($(element, 'lightning-input')).toBeNull();
        expect(credentialsOf({ refs: { credentials: element } })).toBe(element);
        expect(credentialsOf({ refs: {} })).toBeNull();
        expect(credentialsOf({})).toBeNull();
    });
});
