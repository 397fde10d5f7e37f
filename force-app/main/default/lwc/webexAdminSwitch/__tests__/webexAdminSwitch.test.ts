import { createElement } from 'lwc';
import WebexAdminSwitch from 'c/webexAdminSwitch';
import { setChecked } from '../../../../../test/jest-utils/adminSection';

type Host = HTMLElement & { shadowRoot: ShadowRoot } & Partial<
        Record<'label' | 'assistivePrefix' | 'name', string> & Record<'checked' | 'disabled', boolean>
    > & { help?: string | null };

function mount(props: Partial<Host>): Host {
    const element = createElement('c-webex-admin-switch', { is: WebexAdminSwitch }) as Host;
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

function input(element: Host): HTMLInputElement {
    return element.shadowRoot.querySelector('input[data-switch]') as HTMLInputElement;
}

describe('c-webex-admin-switch', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    });

    it('is a switch named by its label, described by what its position means', async () => {
        const element = mount({
            label: 'Call history',
            name: 'callHistory',
            checked: true,
            help: 'Every user sees it.'
        });
        await Promise.resolve();
        expect(input(element).getAttribute('role')).toBe('switch');
        expect(input(element).checked).toBe(true);
        expect(input(element).name).toBe('callHistory');
        expect(element.shadowRoot.querySelector('label')?.textContent).toBe('Call history');
        const help = element.shadowRoot.querySelector('[data-switch-help]');
        expect(help?.textContent).toBe('Every user sees it.');
        expect(input(element).getAttribute('aria-describedby')).toBe(help?.getAttribute('id'));
        await expect(element).toBeAccessible();
    });

    it('reads its part of the page before the label to a screen reader, and has no help line without help', async () => {
        const element = mount({ label: 'Enable for all', assistivePrefix: 'Call log: ', disabled: true });
        await Promise.resolve();
        expect(element.shadowRoot.querySelector('.slds-assistive-text')?.textContent).toBe('Call log: ');
        expect(element.shadowRoot.querySelector('[data-switch-help]')).toBeNull();
        expect(input(element).hasAttribute('aria-describedby')).toBe(false);
        expect(input(element).disabled).toBe(true);
    });

    it('says the new position when the administrator flips it', async () => {
        const element = mount({ label: 'Call history' });
        const seen: boolean[] = [];
        element.addEventListener('change', (event) =>
            seen.push((event as CustomEvent<{ checked: boolean }>).detail.checked)
        );
        await Promise.resolve();
        await setChecked(input(element), true);
        expect(seen).toEqual([true]);
    });
});
