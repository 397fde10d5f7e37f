import WebexErrorAlert from 'c/webexErrorAlert';
import { type Host, $, button, mountSection, resetPage, text } from '../../../../../test/jest-utils/adminSection';

type Alert = Host & { kind: string; subHeading: boolean; retryDisabled: boolean };

async function mount(props: Record<string, unknown>): Promise<Alert> {
    return mountSection<Alert>('c-webex-error-alert', WebexErrorAlert, { heading: 'Not saved', ...props });
}

describe('c-webex-error-alert', () => {
    afterEach(resetPage);

    it('says an action failed at once, under its title, without Retry', async () => {
        const element = await mount({ message: 'Row locked' });
        expect($(element, '[role="alert"]')).not.toBeNull();
        expect(text(element, '[role="alert"] h3')).toBe('Not saved');
        expect(text(element, '[role="alert"] [data-error-message]')).toBe('Row locked');
        expect(button(element, 'retry')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('marks a save failure as such, with an h4 title inside a section of h3 parts', async () => {
        const element = await mount({ kind: 'save', message: 'Row locked', subHeading: true });
        expect(text(element, '[data-save-error]')).toBe('Row locked');
        expect(text(element, '[role="alert"] h4')).toBe('Not saved');
        expect($(element, '[role="alert"] h3')).toBeNull();
    });

    it('offers Retry for a load failure, and waits while the section is busy', async () => {
        const element = await mount({ kind: 'load', message: 'Offline', retryLabel: 'Try again' });
        const retry = jest.fn();
        element.addEventListener('retry', retry);
        expect(text(element, '[data-load-error]')).toBe('Offline');
        expect(button(element, 'retry').label).toBe('Try again');
        button(element, 'retry').click();
        expect(retry).toHaveBeenCalledTimes(1);
        element.retryDisabled = true;
        await Promise.resolve();
        expect(button(element, 'retry').disabled).toBe(true);
    });

    it("offers a part's own Retry, without a title where the message says it all", async () => {
        const element = await mount({
            heading: undefined,
            kind: 'part',
            message: 'No fields',
            retryLabel: 'Try again'
        });
        const retry = jest.fn();
        element.addEventListener('retry', retry);
        expect(text(element, '[role="alert"] [data-part-error]')).toBe('No fields');
        expect($(element, '[role="alert"] h3')).toBeNull();
        expect(button(element, 'retry')).toBeNull();
        button(element, 'retry-part').click();
        expect(retry).toHaveBeenCalledTimes(1);
        await expect(element).toBeAccessible();
    });
});
