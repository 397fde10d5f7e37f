import WebexLoadState from 'c/webexLoadState';
import { type Host, mountSection, resetPage } from '../../../../../test/jest-utils/adminSection';
import { deepQuery } from '../../../../../test/jest-utils/shadowQuery';

type LoadState = Host & { loading: boolean; error: string | null };
type ButtonStub = HTMLElement & { label: string };

async function mount(props: Record<string, unknown>): Promise<LoadState> {
    return mountSection<LoadState>('c-webex-load-state', WebexLoadState, { loadingLabel: 'Loading…', ...props });
}

/** The first element matching `selector` in the load state, its error alert (c-webex-error-alert) included. */
const $ = (element: LoadState, selector: string): HTMLElement | null => deepQuery(element.shadowRoot, selector);
const text = (element: LoadState, selector: string): string =>
    ($(element, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('c-webex-load-state', () => {
    afterEach(resetPage);

    it('says it is loading under the spinner, whatever the error', async () => {
        const element = await mount({ loading: true, error: 'Offline' });
        expect($(element, '[data-loading] lightning-spinner')).not.toBeNull();
        expect(text(element, '[data-loading] [role="status"]')).toBe('Loading…');
        expect($(element, '[data-loading] .slds-assistive-text')).toBeNull();
        expect($(element, '[role="alert"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('keeps the loading words for screen readers only where it is compact', async () => {
        const element = await mount({ loading: true, compact: true });
        const line = $(element, '[data-loading]');
        expect(line?.getAttribute('role')).toBe('status');
        expect(text(element, '[data-loading] .slds-assistive-text')).toBe('Loading…');
        await expect(element).toBeAccessible();
    });

    it('says why it could not load under its title, and Retry asks the host to load again', async () => {
        const element = await mount({ error: 'Offline', heading: 'Could not load', retryLabel: 'Retry' });
        const retry = jest.fn();
        element.addEventListener('retry', retry);
        expect($(element, '[data-loading]')).toBeNull();
        expect(text(element, '[role="alert"] h3')).toBe('Could not load');
        expect(text(element, '[role="alert"] [data-load-error]')).toBe('Offline');
        const button = $(element, '[role="alert"] lightning-button[data-action="retry"]') as ButtonStub;
        expect(button.label).toBe('Retry');
        button.click();
        expect(retry).toHaveBeenCalledTimes(1);
        await expect(element).toBeAccessible();
    });

    it('offers no Retry without its label, and no title where the reason says it all', async () => {
        const element = await mount({ error: 'The space is gone.' });
        expect(text(element, '[data-load-error]')).toBe('The space is gone.');
        expect($(element, '[role="alert"] h3')).toBeNull();
        expect($(element, 'lightning-button')).toBeNull();
    });

    it('shows nothing once loaded', async () => {
        const element = await mount({ loading: false, error: null });
        expect(element.shadowRoot.children).toHaveLength(0);
    });
});
