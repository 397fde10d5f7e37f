import { IDLE, SectionFlow, StatusFlow, statusFrame, type SectionState } from 'c/webexAdminSectionFlow';
import { ShowToastEventName } from '../../../../../test/jest-mocks/lightning/platformShowToastEvent';

class Host extends EventTarget {
    state: SectionState = IDLE;
}

const NOT_ADMIN = {
    status: 500,
    body: {
        message: JSON.stringify({
            code: 'NOT_ADMIN',
            message: 'You need the Webex Admin permission set.',
            retryAfterSeconds: null
        })
    }
};
const RATE_LIMITED = {
    status: 500,
    body: { message: JSON.stringify({ code: 'RATE_LIMITED', message: 'Slow down.', retryAfterSeconds: 1 }) }
};

function toasts(host: Host): unknown[] {
    const seen: unknown[] = [];
    host.addEventListener(ShowToastEventName, (event) => seen.push((event as CustomEvent).detail));
    return seen;
}

describe('c/webexAdminSectionFlow', () => {
    afterEach(() => jest.useRealTimers());

    it('is busy loading at once, then loaded with what the server said', async () => {
        const host = new Host();
        const flow = new SectionFlow(host, { title: 'Phones', busyMessages: { loading: 'Loading…' } });
        let applied: string | null = null;
        const loading = flow.load(
            () => Promise.resolve('answer'),
            (answer) => {
                applied = answer;
            }
        );
        expect(host.state).toMatchObject({ busy: 'loading', busyMessage: 'Loading…', loaded: false });
        expect(flow.isBusy).toBe(true);
        await expect(loading).resolves.toBe(true);
        expect(applied).toBe('answer');
        expect(host.state).toEqual({ ...IDLE, loaded: true });
    });

    it('says why the load failed, and Retry loads the same way again', async () => {
        const host = new Host();
        const flow = new SectionFlow(host, { title: 'Phones', busyMessages: { loading: 'Loading…' } });
        const call = jest.fn().mockRejectedValueOnce(NOT_ADMIN).mockResolvedValueOnce(['Phone']);
        await expect(flow.load(call, () => undefined)).resolves.toBe(false);
        expect(host.state.loadError).toBe('You need the Webex Admin permission set.');
        expect(host.state.loaded).toBe(false);
        await expect(flow.retry()).resolves.toBe(true);
        expect(call).toHaveBeenCalledTimes(2);
        expect(host.state.loadError).toBeNull();
        expect(host.state.loaded).toBe(true);
    });

    it('takes a call that throws at once, or answers with a plain value, like one that rejects or resolves', async () => {
        const host = new Host();
        const flow = new SectionFlow(host, { title: 'Phones', busyMessages: {} });
        const throwing = () => {
            throw new Error('Broken stand-in');
        };
        await expect(flow.run('saving', throwing)).resolves.toBeNull();
        expect(host.state.error).toBeTruthy();
        expect(host.state.busy).toBeNull();
        const plain = (() => 'answer') as unknown as () => Promise<string>;
        await expect(flow.run('saving', plain)).resolves.toBe('answer');
    });

    it('has nothing to retry before a load', async () => {
        const flow = new SectionFlow(new Host(), { title: 'Phones', busyMessages: {} });
        await expect(flow.retry()).resolves.toBe(false);
    });

    it('saves: busy with its own line, then the success in the section and as a toast', async () => {
        const host = new Host();
        const seen = toasts(host);
        const flow = new SectionFlow(host, { title: () => 'Outbound', busyMessages: { saving: 'Saving…' } });
        const saving = flow.run('saving', () => Promise.resolve({ count: 2 }), {
            success: (result) => `Saved ${result.count}.`
        });
        expect(host.state).toMatchObject({ busy: 'saving', busyMessage: 'Saving…', error: null, success: null });
        await expect(saving).resolves.toEqual({ count: 2 });
        expect(host.state).toMatchObject({ busy: null, busyMessage: null, success: 'Saved 2.' });
        expect(seen).toEqual([{ title: 'Outbound', message: 'Saved 2.', variant: 'success' }]);
    });

    it('keeps the last success for a follow-up action, and says nothing for a silent one', async () => {
        const host = new Host();
        const seen = toasts(host);
        const flow = new SectionFlow(host, { title: 'Site', busyMessages: { checking: 'Checking…' } });
        flow.succeed('Created.');
        await flow.run('checking', () => Promise.resolve(null), { keepSuccess: true });
        expect(host.state.success).toBe('Created.');
        expect(seen).toHaveLength(1);
    });

    it('says why a save failed and returns null; a refusal before sending is said the same way', async () => {
        const host = new Host();
        const flow = new SectionFlow(host, { title: 'Phones', busyMessages: { saving: 'Saving…' } });
        await expect(flow.run('saving', () => Promise.reject(NOT_ADMIN))).resolves.toBeNull();
        expect(host.state).toMatchObject({ busy: null, error: 'You need the Webex Admin permission set.' });
        flow.fail('Choose a phone field.');
        expect(host.state.error).toBe('Choose a phone field.');
        flow.clear();
        expect(host.state.error).toBeNull();
    });

    it('forgets the success once the administrator changes something', () => {
        const host = new Host();
        const flow = new SectionFlow(host, { title: 'Phones', busyMessages: {} });
        const before = host.state;
        flow.edited();
        expect(host.state).toBe(before);
        flow.succeed('Saved.');
        flow.edited();
        expect(host.state.success).toBeNull();
    });

    it('stays busy after a call that sends the page elsewhere', () => {
        const host = new Host();
        const flow = new SectionFlow(host, { title: 'Auth', busyMessages: { authorizing: 'Opening Salesforce…' } });
        flow.stayBusy('authorizing');
        expect(host.state).toMatchObject({ busy: 'authorizing', busyMessage: 'Opening Salesforce…' });
        flow.stayBusy('unknown');
        expect(host.state.busyMessage).toBeNull();
    });

    it('waits out a rate limit with a countdown, then says what is under way again', async () => {
        jest.useFakeTimers();
        const host = new Host();
        const flow = new SectionFlow(host, {
            title: 'Integration',
            busyMessages: { saving: 'Saving…' },
            retryRateLimits: true,
            retryingMessage: 'Retrying in {0} s (attempt {1} of {2})…'
        });
        const call = jest.fn().mockRejectedValueOnce(RATE_LIMITED).mockResolvedValueOnce('ok');
        const saving = flow.run('saving', call);
        await Promise.resolve();
        await Promise.resolve();
        await Promise.resolve();
        expect(host.state.busyMessage).toBe('Retrying in 1 s (attempt 1 of 3)…');
        await jest.advanceTimersByTimeAsync(1000);
        await expect(saving).resolves.toBe('ok');
        expect(host.state.busyMessage).toBeNull();
        expect(call).toHaveBeenCalledTimes(2);
    });

    it('retries a rate limit without a countdown line when the section has none', async () => {
        jest.useFakeTimers();
        const host = new Host();
        const flow = new SectionFlow(host, {
            title: 'Site',
            busyMessages: { loading: 'Loading…' },
            retryRateLimits: true
        });
        const call = jest.fn().mockRejectedValueOnce(RATE_LIMITED).mockResolvedValueOnce('ok');
        const loading = flow.load(call, () => undefined);
        await jest.advanceTimersByTimeAsync(1000);
        await expect(loading).resolves.toBe(true);
        expect(call).toHaveBeenCalledTimes(2);
    });

    it('forgets a failed load once an action answers with all a load brings', async () => {
        const host = new Host();
        const flow = new SectionFlow(host, {
            title: 'Site',
            busyMessages: { loading: 'Loading…', checking: 'Checking…' }
        });
        await flow.load(
            () => Promise.reject(NOT_ADMIN),
            () => undefined
        );
        expect(host.state.loadError).toBe('You need the Webex Admin permission set.');
        await flow.run('checking', () => Promise.resolve('status'));
        expect(host.state.loadError).toBe('You need the Webex Admin permission set.');
        await flow.run('checking', () => Promise.resolve('status'), { replacesLoad: true });
        expect(host.state).toMatchObject({ loadError: null, loaded: true, busy: null });
    });

    it('forgets the last failure when it loads again', async () => {
        const host = new Host();
        const flow = new SectionFlow(host, { title: 'Health', busyMessages: { loading: 'Checking…' } });
        flow.fail('Not fixed.');
        const loading = flow.load(
            () => Promise.resolve([]),
            () => undefined
        );
        expect(host.state).toMatchObject({ error: null, busyMessage: 'Checking…' });
        await loading;
    });

    describe('StatusFlow', () => {
        class StatusHost extends Host {
            status: string | null = null;
        }

        function statusFlow(host: StatusHost, loadStatus: () => Promise<string | undefined>) {
            const shown: Array<[string | null, string]> = [];
            const flow = new StatusFlow<string>(host, {
                title: 'Site',
                help: 'Why.',
                errorTitle: 'Oops',
                busyMessages: { loading: 'Loading…', creating: 'Creating…' },
                loadStatus,
                show: (answer, action) => shown.push([answer, action])
            });
            return { flow, shown };
        }

        it('loads the status on arrival and shows it; a missing answer shows as none', async () => {
            const host = new StatusHost();
            const { flow, shown } = statusFlow(host, () => Promise.resolve('no site'));
            await expect(flow.start()).resolves.toBe(true);
            expect(shown).toEqual([['no site', 'loading']]);
            expect(host.state).toMatchObject({ loaded: true, busy: null });

            const empty = statusFlow(new StatusHost(), () => Promise.resolve(undefined));
            await empty.flow.start();
            expect(empty.shown).toEqual([[null, 'loading']]);
        });

        it('shows the status an action answers with, says its success, and a failed load gives way', async () => {
            const host = new StatusHost();
            const seen = toasts(host);
            const { flow, shown } = statusFlow(host, () => Promise.reject(NOT_ADMIN));
            await flow.start();
            expect(host.state.loadError).toBe('You need the Webex Admin permission set.');
            await expect(flow.act('creating', () => Promise.resolve('created'), { success: 'Created.' })).resolves.toBe(
                'created'
            );
            expect(shown).toEqual([['created', 'creating']]);
            expect(host.state).toMatchObject({ loadError: null, loaded: true, success: 'Created.' });
            expect(seen).toEqual([{ title: 'Site', message: 'Created.', variant: 'success' }]);
        });

        it('keeps the status shown when an action fails, and says why', async () => {
            const host = new StatusHost();
            const { flow, shown } = statusFlow(host, () => Promise.resolve('no site'));
            await flow.start();
            await expect(flow.act('creating', () => Promise.reject(NOT_ADMIN))).resolves.toBeNull();
            expect(shown).toEqual([['no site', 'loading']]);
            expect(host.state.error).toBe('You need the Webex Admin permission set.');
        });

        it("frames the section with its title, and without `show` the answer becomes the host's status", async () => {
            const host = new StatusHost();
            const flow = new StatusFlow<string>(host, {
                title: 'Users',
                help: 'Who.',
                nested: true,
                errorTitle: 'Oops',
                busyMessages: { loading: 'Loading…', clearing: 'Clearing…' },
                loadStatus: () => Promise.resolve('set up')
            });
            expect(flow.frame).toEqual({
                heading: 'Users',
                help: 'Who.',
                nested: true,
                notices: true,
                labels: { errorTitle: 'Oops' }
            });
            await flow.start();
            expect(host.status).toBe('set up');
            await flow.act('clearing', () => Promise.resolve('cleared'));
            expect(host.status).toBe('cleared');
        });
    });

    it('frames an action section: its buttons speak in a polite region, its alerts under its error title', () => {
        expect(
            statusFrame({ heading: 'Site', help: 'Why.', iconName: 'standard:global_constant', errorTitle: 'Oops' })
        ).toEqual({
            heading: 'Site',
            help: 'Why.',
            iconName: 'standard:global_constant',
            notices: true,
            labels: { errorTitle: 'Oops' }
        });
    });
});
