import { DialerSearch, MIN_SEARCH_LENGTH, SEARCH_DELAY_MS, type SearchUpdate } from 'c/webexDialerSearch';

const OLIVIA: WebexPersonMatch = {
    recordId: '003000000000001AAA',
    objectApiName: 'Contact',
    objectLabel: 'Contact',
    name: 'Olivia Martin',
    accountName: 'Acme Robotics',
    accountId: '001000000000001AAA',
    phones: [{ field: 'Phone', label: 'Business Phone', number: '(312) 296-1607' }]
};
const OLIVER: WebexPersonMatch = { ...OLIVIA, recordId: '003000000000002AAA', name: 'Oliver Stone' };

async function flush(): Promise<void> {
    // Microtask turns one after the other: enough for an answer, the awaits after it and the re-render.
    await Array.from({ length: 10 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

/** A search whose answers the test releases one by one, with the debounce under the test's control. */
function harness() {
    const pending = new Map<string, { resolve: (r: WebexPersonMatch[]) => void; reject: (e: unknown) => void }>();
    const search = jest.fn(
        (term: string) =>
            new Promise<WebexPersonMatch[]>((resolve, reject) => {
                pending.set(term, { resolve, reject });
            })
    );
    const updates: SearchUpdate[] = [];
    let timer: { callback: () => void; ms: number } | null = null;
    const searcher = new DialerSearch(search, (update) => updates.push(update), {
        setTimer: (callback, ms) => {
            timer = { callback, ms };
            return timer;
        },
        clearTimer: (cleared) => {
            if (cleared === timer) timer = null;
        }
    });
    return {
        searcher,
        search,
        updates,
        pending,
        get timer() {
            return timer;
        },
        async pause(): Promise<void> {
            const due = timer;
            timer = null;
            due?.callback();
            await flush();
        }
    };
}

describe('c/webexDialerSearch', () => {
    it('searches once typing pauses, and shows the answer', async () => {
        const h = harness();
        h.searcher.input('Ol');
        h.searcher.input('Oli');
        expect(h.search).not.toHaveBeenCalled();
        expect(h.timer?.ms).toBe(SEARCH_DELAY_MS);
        await h.pause();
        expect(h.search).toHaveBeenCalledTimes(1);
        expect(h.search).toHaveBeenCalledWith('Oli');
        expect(h.updates).toEqual([{ status: 'searching', term: 'Oli', results: [], error: null }]);
        h.pending.get('Oli')?.resolve([OLIVIA]);
        await flush();
        expect(h.updates.at(-1)).toEqual({ status: 'done', term: 'Oli', results: [OLIVIA], error: null });
    });

    it(`does not search fewer than ${MIN_SEARCH_LENGTH} characters, and clears the results`, async () => {
        const h = harness();
        h.searcher.input(' O ');
        expect(h.timer).toBeNull();
        expect(h.updates).toEqual([{ status: 'idle', term: '', results: [], error: null }]);
        h.searcher.input('O');
        expect(h.updates).toHaveLength(1);
        h.searcher.input(null);
        expect(h.updates).toHaveLength(2);
    });

    it('drops an answer for older text that comes after the newer one', async () => {
        const h = harness();
        h.searcher.input('Oli');
        await h.pause();
        h.searcher.input('Olivia');
        await h.pause();
        h.pending.get('Olivia')?.resolve([OLIVIA]);
        await flush();
        h.pending.get('Oli')?.resolve([OLIVIA, OLIVER]);
        await flush();
        expect(h.updates.at(-1)).toEqual({ status: 'done', term: 'Olivia', results: [OLIVIA], error: null });
        // While the next search runs, the results shown stay.
        h.searcher.input('Olivia M');
        await h.pause();
        expect(h.updates.at(-1)).toEqual({ status: 'searching', term: 'Olivia M', results: [OLIVIA], error: null });
    });

    it('says why a search failed, unless newer text replaced it', async () => {
        const h = harness();
        h.searcher.input('Oli');
        await h.pause();
        h.pending.get('Oli')?.reject({
            status: 500,
            body: { message: JSON.stringify({ code: 'UNEXPECTED', message: 'Search is unavailable.' }) }
        });
        await flush();
        expect(h.updates.at(-1)).toEqual({
            status: 'error',
            term: 'Oli',
            results: [],
            error: 'Search is unavailable.'
        });
        h.searcher.input('Olivia');
        await h.pause();
        h.searcher.input('Olivia M');
        h.pending.get('Olivia')?.reject(new Error('late'));
        h.pending.get('Olivia')?.resolve([]);
        await flush();
        expect(h.updates.at(-1)?.status).toBe('searching');
    });

    it('treats no answer as no match', async () => {
        const h = harness();
        h.searcher.input('Zed');
        await h.pause();
        h.pending.get('Zed')?.resolve(undefined as never);
        await flush();
        expect(h.updates.at(-1)).toEqual({ status: 'done', term: 'Zed', results: [], error: null });
    });

    it('forgets the text and the search under way when cancelled', async () => {
        const h = harness();
        h.searcher.input('Oli');
        h.searcher.cancel();
        expect(h.timer).toBeNull();
        h.searcher.input('Ol');
        await h.pause();
        h.searcher.cancel();
        h.pending.get('Ol')?.resolve([OLIVIA]);
        await flush();
        expect(h.updates.at(-1)?.status).toBe('searching');
        // The same text typed again after a cancel searches again.
        h.searcher.input('Ol');
        expect(h.timer).not.toBeNull();
    });

    it('waits on a real timer by default', async () => {
        jest.useFakeTimers();
        try {
            const search = jest.fn().mockResolvedValue([]);
            const searcher = new DialerSearch(search, () => undefined);
            searcher.input('Oli');
            searcher.input('Oliv');
            jest.advanceTimersByTime(SEARCH_DELAY_MS);
            expect(search).toHaveBeenCalledTimes(1);
            expect(search).toHaveBeenCalledWith('Oliv');
        } finally {
            jest.useRealTimers();
        }
    });
});
