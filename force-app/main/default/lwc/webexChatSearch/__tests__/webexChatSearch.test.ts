import { ChatSearch, type ChatSearchState } from 'c/webexChatSearch';
import type { ChatConversation } from 'c/webexChatList';

const CONVERSATIONS: ChatConversation[] = [
    { id: 'deal', title: 'Acme deal', direct: false, lastActivity: '', unread: 0 },
    { id: 'olivia', title: 'Olivia Chen', direct: true, lastActivity: '', unread: 2 }
];

function setup(searchPeople: jest.Mock) {
    const states: ChatSearchState[] = [];
    const search = new ChatSearch({
        searchPeople,
        conversations: () => CONVERSATIONS,
        myPersonId: 'me',
        onChange: (state) => states.push(state),
        delayMs: 300
    });
    return { search, states, last: () => states[states.length - 1] };
}

describe('c/webexChatSearch', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('waits for two characters, finds spaces at once and people once typing pauses', async () => {
        const searchPeople = jest.fn().mockResolvedValue([
            { id: 'me', displayName: 'Rep', emails: ['rep@acme.example'] },
            { id: 'p1', displayName: 'Olivia Chen', emails: ['olivia@acme.example'] },
            { id: 'p2', displayName: '', email: 'nameless@acme.example' },
            { id: 'p3', displayName: 'No email' }
        ]);
        const { search, last } = setup(searchPeople);
        search.type(' o ');
        expect(last()).toMatchObject({ status: 'idle', term: 'o' });
        search.type('ch');
        expect(last()).toMatchObject({ status: 'searching', spaces: [CONVERSATIONS[1]] });
        search.type('CHE');
        await jest.advanceTimersByTimeAsync(300);
        expect(searchPeople).toHaveBeenCalledTimes(1);
        expect(searchPeople).toHaveBeenCalledWith('CHE');
        expect(last()).toMatchObject({
            status: 'done',
            people: [
                { id: 'p1', name: 'Olivia Chen', email: 'olivia@acme.example' },
                { id: 'p2', name: 'nameless@acme.example', email: 'nameless@acme.example' }
            ]
        });
        search.clear();
        expect(last().status).toBe('idle');
        expect(search.state.term).toBe('');
        search.close();
    });

    it('offers an email address Webex does not know, and drops answers to an older term', async () => {
        let answer: (value: unknown[]) => void = () => undefined;
        const searchPeople = jest
            .fn()
            .mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)))
            .mockResolvedValueOnce([]);
        const { search, last } = setup(searchPeople);
        search.type('sam');
        await jest.advanceTimersByTimeAsync(300);
        search.type('sam@partner.example');
        answer([{ id: 'x', displayName: 'Sam Old', emails: ['old@x.example'] }]);
        await jest.advanceTimersByTimeAsync(0);
        expect(last().people).toEqual([]);
        await jest.advanceTimersByTimeAsync(300);
        expect(last().people).toEqual([{ id: null, name: 'sam@partner.example', email: 'sam@partner.example' }]);
    });

    it('says why people could not be searched, unless the term changed meanwhile', async () => {
        const searchPeople = jest.fn().mockRejectedValue({ code: 'RATE_LIMITED', message: 'Try again in 5 s.' });
        const { search, last } = setup(searchPeople);
        search.type('olivia');
        await jest.advanceTimersByTimeAsync(300);
        expect(last()).toMatchObject({ status: 'failed', error: 'Try again in 5 s.' });
        let fail: (error: unknown) => void = () => undefined;
        searchPeople.mockImplementationOnce(() => new Promise((_resolve, reject) => (fail = reject)));
        search.type('oli');
        await jest.advanceTimersByTimeAsync(300);
        search.type('o');
        fail(new Error('late'));
        await jest.advanceTimersByTimeAsync(0);
        expect(last().status).toBe('idle');
    });
});
