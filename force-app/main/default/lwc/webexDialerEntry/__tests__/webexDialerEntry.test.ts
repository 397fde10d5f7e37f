import { DialerEntry, EMPTY_ENTRY, IDLE_SEARCH, looksLikeName, problemText, type EntryState } from 'c/webexDialerEntry';
import { SEARCH_DELAY_MS } from 'c/webexDialerSearch';

jest.mock(
    '@salesforce/label/c.WebexDialer_ProblemCountryCodeAfterPrefix',
    () => ({ default: 'No country uses the calling code after {0}.' }),
    { virtual: true }
);

// The entry hands search results on as they come: what they hold is c/webexDialerSearch's business.
const OLIVIA = { recordId: '003000000000001AAA', name: 'Olivia Martin' } as WebexPersonMatch;
const CHOSEN = { recordId: OLIVIA.recordId, objectApiName: 'Contact', name: 'Olivia Martin', number: '(312) 296-1607' };

async function flush(): Promise<void> {
    await Array.from({ length: 10 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

function harness() {
    const search = jest.fn((_term: string) => Promise.resolve([OLIVIA]));
    const states: EntryState[] = [];
    const entry = new DialerEntry({ search, onChange: (state) => states.push(state) });
    return { entry, search, states };
}

describe('c/webexDialerEntry', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => {
        jest.useRealTimers();
        jest.resetAllMocks();
    });

    it('starts empty', () => {
        const { entry } = harness();
        expect(entry.state).toEqual(EMPTY_ENTRY);
        expect(entry.state.search).toBe(IDLE_SEARCH);
    });

    it('searches what is typed when People Search looks somewhere, and not otherwise', async () => {
        const { entry, search } = harness();
        entry.type('Oli', false);
        jest.advanceTimersByTime(SEARCH_DELAY_MS);
        expect(search).not.toHaveBeenCalled();
        expect(entry.state.number).toBe('Oli');

        entry.type('Olivia', true);
        jest.advanceTimersByTime(SEARCH_DELAY_MS);
        await flush();
        expect(search).toHaveBeenCalledWith('Olivia');
        expect(entry.state.search).toMatchObject({ status: 'done', term: 'Olivia', results: [OLIVIA] });
    });

    it('keeps the person while the number is theirs, and forgets them once it changes', () => {
        const { entry } = harness();
        entry.fill(CHOSEN.number, CHOSEN);
        entry.type(CHOSEN.number, false);
        expect(entry.state.chosen).toEqual(CHOSEN);
        entry.type('(312) 296-1608', false);
        expect(entry.state.chosen).toBeNull();
    });

    it('fills a chosen number: the search stops and no late answer replaces it', async () => {
        const { entry, search, states } = harness();
        entry.type('Olivia', true);
        entry.fill(CHOSEN.number, CHOSEN);
        jest.advanceTimersByTime(SEARCH_DELAY_MS);
        await flush();
        expect(search).not.toHaveBeenCalled();
        expect(entry.state).toEqual({ number: CHOSEN.number, chosen: CHOSEN, search: IDLE_SEARCH, problem: null });
        expect(states.at(-1)).toBe(entry.state);
    });

    it('reads the number as E.164, an extension kept, and stops the search', () => {
        const { entry } = harness();
        entry.type('(312) 296-1607 ext. 415', true);
        expect(entry.read('US')).toBe('+13122961607;ext=415');
        expect(entry.state.search).toBe(IDLE_SEARCH);
        entry.type('+33 1 43 77 50 92', false);
        expect(entry.read('US')).toBe('+33143775092');
    });

    it('says why a number cannot be called, keeps it, and forgets the problem on the next key', () => {
        const { entry } = harness();
        entry.type('12', false);
        expect(entry.read('US')).toBeNull();
        expect(entry.state).toMatchObject({ number: '12', problem: 'c.WebexDialer_ProblemTooShort' });
        entry.type('123', false);
        expect(entry.state.problem).toBeNull();
        entry.type('Olivia', false);
        expect(entry.read('US')).toBeNull();
        expect(entry.state.problem).toBe('c.WebexDialer_NumberIsName');
    });

    it('speaks of the + only when one was typed', () => {
        expect(problemText('INVALID_COUNTRY_CODE', ' 0000')).toBe('No country uses the calling code after 00.');
        expect(problemText('INVALID_COUNTRY_CODE', '011 0')).toBe('No country uses the calling code after 011.');
        expect(problemText('INVALID_COUNTRY_CODE', '+0000')).toBe('c.WebexDialer_ProblemCountryCode');
        expect(problemText('INVALID_COUNTRY_CODE', '1234')).toBe('c.WebexDialer_ProblemInvalid');
        expect(problemText('NO_DEFAULT_COUNTRY', '3122961607')).toBe('c.WebexDialer_ProblemNoCountry');
    });

    it('tells a name from a number', () => {
        expect(looksLikeName('Élodie')).toBe(true);
        expect(looksLikeName('+1 (312) 296-1607')).toBe(false);
    });

    it('empties once the call placed from it is over', () => {
        const { entry } = harness();
        entry.fill(CHOSEN.number, CHOSEN);
        entry.clear();
        expect(entry.state).toMatchObject({ number: '', chosen: null });
    });

    it('drops a search under way when the dialer goes', async () => {
        const { entry, search } = harness();
        entry.type('Olivia', true);
        entry.close();
        jest.advanceTimersByTime(SEARCH_DELAY_MS);
        await flush();
        expect(search).not.toHaveBeenCalled();
    });
});
