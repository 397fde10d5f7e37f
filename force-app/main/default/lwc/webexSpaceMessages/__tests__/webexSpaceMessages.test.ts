import {
    AuthorNames,
    clearDraft,
    fileSizeText,
    forgetDrafts,
    mentionMarkdown,
    mergeMessages,
    oldestId,
    readDraft,
    removeMessage,
    saveDraft,
    summarize,
    toThreads
} from 'c/webexSpaceMessages';

jest.mock('@salesforce/label/c.WebexSpaces_File', () => ({ default: 'Attached file' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexSpaces_Created', () => ({ default: 'Space “{0}” created.' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexSpaces_PeopleAdded', () => ({ default: 'Added: {0}.' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexSpaces_NotAdded', () => ({ default: 'Not added: {0}.' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexSpaces_ReasonNoEmail', () => ({ default: '{0} (no email)' }), { virtual: true });
jest.mock(
    '@salesforce/label/c.WebexSpaces_ReasonNotTried',
    () => ({ default: '{0} (Webex did not answer in time; add them again)' }),
    { virtual: true }
);
jest.mock('@salesforce/label/c.WebexSpaces_ReasonRefused', () => ({ default: '{0} (refused by Webex)' }), {
    virtual: true
});

function message(id: string, created: string, extra: Partial<WebexSpaceMessage> = {}): WebexSpaceMessage {
    return {
        id,
        parentId: null,
        personId: 'p1',
        personEmail: 'olivia@example.com',
        text: `text ${id}`,
        markdown: null,
        html: null,
        created,
        files: [],
        ...extra
    };
}

describe('c/webexSpaceMessages', () => {
    afterEach(() => window.localStorage.clear());

    it('keeps each message once, oldest first, and removes a deleted one', () => {
        const merged = mergeMessages(
            [message('b', '2026-12-07T10:02:00Z'), message('a', '2026-12-07T10:01:00Z')],
            [message('c', '2026-12-07T10:03:00Z'), message('b', '2026-12-07T10:02:00Z', { text: 'edited' })]
        );
        expect(merged.map((item) => item.id)).toEqual(['a', 'b', 'c']);
        expect(merged[1].text).toBe('edited');
        expect(removeMessage(merged, 'b').map((item) => item.id)).toEqual(['a', 'c']);
        expect(oldestId(merged)).toBe('a');
        expect(oldestId([])).toBeNull();
    });

    it('puts replies under their message, and a reply whose message is not loaded on its own', () => {
        const known = mergeMessages(
            [],
            [
                message('top', '1', { html: '<p>Hello</p>' }),
                message('r1', '2', { parentId: 'top', personId: 'me' }),
                message('orphan', '3', { parentId: 'older' }),
                message('file', '4', {
                    files: ['https://webexapis.com/v1/contents/abc'],
                    fileNames: ['deck.pdf']
                }),
                message('file2', '5', { files: ['https://webexapis.com/v1/contents/xyz?x=1'] }),
                message('shared', '6', { files: ['https://example.com/docs/terms.pdf'] })
            ]
        );
        const threads = toThreads(known, 'me', (item) => (item.personId === 'me' ? 'Me' : 'Olivia'));
        expect(threads.map((thread) => thread.id)).toEqual(['top', 'orphan', 'file', 'file2', 'shared']);
        expect(threads[0]).toMatchObject({ body: '<p>Hello</p>', author: 'Olivia', mine: false });
        expect(threads[0].replies).toEqual([expect.objectContaining({ id: 'r1', author: 'Me', mine: true })]);
        const names = (index: number) => threads[index].files.map((file) => file.name);
        expect(names(2)).toEqual(['deck.pdf']);
        // A Webex content URL ends with an opaque id: never shown as if it were a name.
        expect(names(3)).toEqual(['Attached file']);
        expect(names(4)).toEqual(['terms.pdf']);
    });

    it('keeps the names of a sent message’s files when Webex announces the same message without them', () => {
        const sent = message('m1', '1', { files: ['https://webexapis.com/v1/contents/abc'], fileNames: ['deck.pdf'] });
        const announced = message('m1', '1', { files: ['https://webexapis.com/v1/contents/abc'] });
        const merged = mergeMessages([sent], [announced]);
        expect(merged).toHaveLength(1);
        expect(merged[0].fileNames).toEqual(['deck.pdf']);
        expect(toThreads(merged, '', () => 'Me')[0].files).toEqual([
            { key: '0:https://webexapis.com/v1/contents/abc', name: 'deck.pdf' }
        ]);
    });

    it('writes a mention as Webex documents it, without the characters its syntax uses', () => {
        expect(mentionMarkdown('olivia@example.com', 'Olivia Martin')).toBe(
            '<@personEmail:olivia@example.com|Olivia Martin>'
        );
        expect(mentionMarkdown('x@example.com', '<|>')).toBe('<@personEmail:x@example.com|x@example.com>');
    });

    it('keeps a draft per Webex person and space until it is sent', () => {
        saveDraft('sam', 'r1', 'half a thought');
        expect(window.localStorage.getItem('webexDraft:sam:r1')).toBe('half a thought');
        expect(readDraft('sam', 'r1')).toBe('half a thought');
        expect(readDraft('sam', 'r2')).toBe('');
        // Another Webex person never reads it.
        expect(readDraft('camille', 'r1')).toBe('');
        clearDraft('sam', 'r1');
        expect(window.localStorage.getItem('webexDraft:sam:r1')).toBeNull();
    });

    it('keeps nothing without the rep’s Webex person', () => {
        const before = window.localStorage.length;
        saveDraft('', 'r1', 'typed before the session opened');
        expect(window.localStorage.length).toBe(before);
        expect(readDraft('', 'r1')).toBe('');
    });

    it('forgets the drafts of this Salesforce user’s Webex people, and only theirs, on Disconnect', () => {
        window.localStorage.clear();
        saveDraft('sam', 'r1', 'one');
        saveDraft('sam', 'direct:olivia@example.com', 'two');
        saveDraft('sam-old', 'r2', 'three');
        // Another Salesforce user's draft in the same browser (their own owners list): not this user's to remove.
        window.localStorage.setItem('webexDraft:camille:r1', 'theirs');
        window.localStorage.setItem('webexChatReads:sam', '{}');
        forgetDrafts();
        expect(Object.keys({ ...window.localStorage }).sort()).toEqual(['webexChatReads:sam', 'webexDraft:camille:r1']);
        forgetDrafts();
        expect(window.localStorage.getItem('webexDraft:camille:r1')).toBe('theirs');
        window.localStorage.clear();
    });

    it('keeps drafts in the composer only when the browser refuses storage', () => {
        const spy = jest.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
            throw new Error('SecurityError');
        });
        try {
            saveDraft('sam', 'r1', 'x');
            expect(readDraft('sam', 'r1')).toBe('');
            expect(() => forgetDrafts()).not.toThrow();
        } finally {
            spy.mockRestore();
        }
    });

    it('writes a file size as a person reads it, with the plural of bytes', () => {
        expect(fileSizeText(1)).toBe('1 byte');
        expect(fileSizeText(31)).toBe('31 bytes');
        expect(fileSizeText(1536)).toBe('1.5 kB');
        expect(fileSizeText(2.4 * 1024 * 1024)).toBe('2.4 MB');
        expect(fileSizeText(3 * 1024 * 1024 * 1024)).toBe('3 GB');
    });

    it('names an author by member, else by the name Webex gives for the email (asked once, together), else the email', async () => {
        const lookup = jest.fn(async (emails: string[]) =>
            emails.filter((email) => email === 'ava@example.com').map((email) => ({ email, displayName: 'Ava Lee' }))
        );
        const changed = jest.fn();
        const names = new AuthorNames(lookup, changed);
        const members = [{ personId: 'p1', personEmail: 'olivia@example.com', personDisplayName: 'Olivia Martin' }];
        const by = (personId: string, personEmail: string): WebexSpaceMessage =>
            ({ id: personId, personId, personEmail }) as WebexSpaceMessage;

        expect(names.nameOf({ ...by('p9', 'x@example.com'), personName: 'From Apex' }, members)).toBe('From Apex');
        expect(names.nameOf(by('p1', ''), members)).toBe('Olivia Martin');
        expect(names.nameOf(by('p2', 'Ava@example.com'), members)).toBe('Ava@example.com');
        expect(names.nameOf(by('p3', 'gone@example.com'), members)).toBe('gone@example.com');
        expect(names.nameOf(by('p2', 'ava@example.com'), members)).toBe('ava@example.com');
        await Promise.resolve();
        await Promise.resolve();
        expect(lookup).toHaveBeenCalledTimes(1);
        expect(lookup).toHaveBeenCalledWith(['ava@example.com', 'gone@example.com']);
        expect(changed).toHaveBeenCalledTimes(1);
        expect(names.nameOf(by('p2', 'ava@example.com'), members)).toBe('Ava Lee');
        expect(names.nameOf(by('p3', 'gone@example.com'), members)).toBe('gone@example.com');
        expect(names.nameOf(by('p4', ''), members)).toBe('');
        await Promise.resolve();
        expect(lookup).toHaveBeenCalledTimes(1);
    });

    it('keeps the email as the author when Webex cannot say', async () => {
        const lookup = jest.fn(() => Promise.reject(new Error('Webex is away')));
        const changed = jest.fn();
        const names = new AuthorNames(lookup, changed);
        const fromFormer = { id: 'm', personId: 'p', personEmail: 'gone@example.com' } as WebexSpaceMessage;
        expect(names.nameOf(fromFormer, [])).toBe('gone@example.com');
        await Promise.resolve();
        await Promise.resolve();
        expect(names.nameOf(fromFormer, [])).toBe('gone@example.com');
        expect(lookup).toHaveBeenCalledTimes(1);
        expect(changed).not.toHaveBeenCalled();
    });

    it('says who was added and who was not, and why', () => {
        const space = {
            linkId: 'l',
            spaceId: 'r',
            title: 'Acme deal',
            createdByName: 'Rep',
            createdDate: '',
            webexUrl: ''
        };
        expect(
            summarize(
                {
                    space,
                    added: ['Olivia Martin', 'Sam Lee'],
                    notAdded: [
                        { name: 'Noah', reason: 'no_email' },
                        { name: 'Ava', reason: 'refused' },
                        { name: 'Ivy', reason: 'not_tried' }
                    ]
                },
                true
            )
        ).toEqual({
            created: 'Space “Acme deal” created.',
            added: 'Added: Olivia Martin, Sam Lee.',
            notAdded:
                'Not added: Noah (no email), Ava (refused by Webex), Ivy (Webex did not answer in time; add them again).'
        });
        expect(summarize({ space, added: [], notAdded: [] }, false)).toEqual({
            created: null,
            added: null,
            notAdded: null
        });
    });
});
