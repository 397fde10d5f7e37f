import { createElement } from 'lwc';
import WebexAdminBusyLine from 'c/webexAdminBusyLine';

type Host = HTMLElement & { shadowRoot: ShadowRoot; message?: string; compact?: boolean };

describe('c-webex-admin-busy-line', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    });

    it('shows a small spinner and what is under way, as a status', async () => {
        const element = createElement('c-webex-admin-busy-line', { is: WebexAdminBusyLine }) as Host;
        element.message = 'Loading…';
        document.body.appendChild(element);
        await Promise.resolve();
        const status = element.shadowRoot.querySelector('[role="status"]');
        expect(status?.textContent).toBe('Loading…');
        const spinner = element.shadowRoot.querySelector('lightning-spinner') as HTMLElement & {
            alternativeText: string;
        };
        expect(spinner.alternativeText).toBe('Loading…');
        await expect(element).toBeAccessible();
    });

    it('has no minimum height and a little space above when compact', async () => {
        const element = createElement('c-webex-admin-busy-line', { is: WebexAdminBusyLine }) as Host;
        element.message = 'Loading…';
        element.compact = true;
        document.body.appendChild(element);
        await Promise.resolve();
        const line = element.shadowRoot.querySelector('[data-busy]');
        expect(line?.classList.contains('busy-line')).toBe(false);
        expect(line?.classList.contains('slds-m-top_small')).toBe(true);
    });
});
