import { createElement } from 'lwc';
import WebexDialPad, { KEYS } from 'c/webexDialPad';

jest.mock('@salesforce/label/c.WebexDialer_Key', () => ({ default: 'Dial {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexDialer_KeyStar', () => ({ default: 'star' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexDialer_KeyPound', () => ({ default: 'pound' }), { virtual: true });

type Host = HTMLElement & { shadowRoot: ShadowRoot; disabled: boolean };

function mount(): Host {
    const element = createElement('c-webex-dial-pad', { is: WebexDialPad }) as Host;
    document.body.appendChild(element);
    return element;
}

function keys(element: Host): HTMLButtonElement[] {
    return [...element.shadowRoot.querySelectorAll<HTMLButtonElement>('button')];
}

describe('c-webex-dial-pad', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    });

    it('shows 1-9, *, 0, # as buttons named for a screen reader', async () => {
        const element = mount();
        expect(keys(element).map((b) => b.dataset.key)).toEqual(KEYS.map((k) => k.key));
        expect(keys(element).map((b) => b.getAttribute('aria-label'))).toEqual([
            'Dial 1',
            'Dial 2',
            'Dial 3',
            'Dial 4',
            'Dial 5',
            'Dial 6',
            'Dial 7',
            'Dial 8',
            'Dial 9',
            'Dial star',
            'Dial 0',
            'Dial pound'
        ]);
        expect(element.shadowRoot.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe(
            'c.WebexDialer_Keypad'
        );
        await expect(element).toBeAccessible();
    });

    it('fires press with the key', () => {
        const element = mount();
        const pressed: string[] = [];
        element.addEventListener('press', (event) => pressed.push((event as CustomEvent<{ key: string }>).detail.key));
        keys(element)[4].click();
        keys(element)[11].click();
        expect(pressed).toEqual(['5', '#']);
    });

    it('presses nothing while disabled', async () => {
        const element = mount();
        element.disabled = true;
        await Promise.resolve();
        const pressed = jest.fn();
        element.addEventListener('press', pressed);
        expect(keys(element).every((b) => b.disabled)).toBe(true);
        keys(element)[0].dispatchEvent(new CustomEvent('click'));
        expect(pressed).not.toHaveBeenCalled();
    });
});
