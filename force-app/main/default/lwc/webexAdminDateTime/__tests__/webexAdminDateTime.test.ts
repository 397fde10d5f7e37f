import { createElement } from 'lwc';
import WebexAdminDateTime from 'c/webexAdminDateTime';

type Host = HTMLElement & { shadowRoot: ShadowRoot; value?: string | null };
type DateTimeStub = HTMLElement & { value: string; year: string; month: string; hour: string; minute: string };

function mount(value: string | null): Host {
    const element = createElement('c-webex-admin-date-time', { is: WebexAdminDateTime }) as Host;
    element.value = value;
    document.body.appendChild(element);
    return element;
}

describe('c-webex-admin-date-time', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    });

    it('shows the moment with a long date and the hour and minute', async () => {
        const element = mount('2026-03-02T09:15:00.000Z');
        await Promise.resolve();
        const shown = element.shadowRoot.querySelector('lightning-formatted-date-time') as DateTimeStub;
        expect(shown.value).toBe('2026-03-02T09:15:00.000Z');
        expect([shown.year, shown.month, shown.hour, shown.minute]).toEqual(['numeric', 'long', '2-digit', '2-digit']);
    });

    it('shows nothing while there is no moment', async () => {
        const element = mount(null);
        await Promise.resolve();
        expect(element.shadowRoot.querySelector('lightning-formatted-date-time')).toBeNull();
    });
});
