/**
 * Chat's search box: from two characters, the loaded conversations whose title contains the term (at once, nothing
 * asked of Webex) and the people Webex finds (`searchPeople` of the messaging session, as `GET /people?displayName=`
 * or `?email=`), asked once the rep pauses typing. An answer to an older term is dropped. A term that is an email
 * address Webex does not know as a person is still offered: Webex starts a 1:1 by email (`POST /messages` with
 * `toPersonEmail`, Messaging › Messages › Create a Message, developer.webex.com).
 */
import { toWebexError } from 'c/webexErrors';
import type { ChatConversation } from 'c/webexChatList';

/** A person as the session's `searchPeople` returns them (Webex's person). */
export interface WebexPersonFound {
    id: string;
    displayName: string;
    emails?: string[];
    email?: string;
}

/** A person the rep can start a 1:1 with. */
export interface ChatPerson {
    id: string | null;
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    name: string;
    email: string;
}

export interface ChatSearchState {
    term: string;
    /** `idle`: under two characters, the list shows. */
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    status: 'idle' | 'searching' | 'done' | 'failed';
    spaces: ChatConversation[];
    people: ChatPerson[];
    error: string | null;
}

export interface ChatSearchOptions {
    searchPeople: (text: string) => Promise<WebexPersonFound[]>;
    conversations: () => ChatConversation[];
    /** The rep: not offered as a person to chat with. */
    myPersonId: string;
    onChange: (state: ChatSearchState) => void;
    delayMs?: number;
}

export const MIN_TERM = 2;
export const IDLE_SEARCH: ChatSearchState = Object.freeze({
    term: '',
    status: 'idle',
    spaces: [],
    people: [],
    error: null
}) as ChatSearchState;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function toPerson(found: WebexPersonFound): ChatPerson | null {
    const email = found.emails?.[0] ?? found.email;
    return email ? { id: found.id, name: found.displayName || email, email } : null;
}

/** One search box's state. */
export class ChatSearch {
    private readonly options: ChatSearchOptions;
    private current: ChatSearchState = IDLE_SEARCH;
    private timer: ReturnType<typeof setTimeout> | null = null;

    constructor(options: ChatSearchOptions) {
        this.options = options;
    }

    get state(): ChatSearchState {
        return this.current;
    }

    /** The box's text changed. */
    type(text: string): void {
        const term = text.trim();
        this.cancel();
        if (term.length < MIN_TERM) {
            this.update({ ...IDLE_SEARCH, term });
            return;
        }
        const needle = term.toLocaleLowerCase();
        const spaces = this.options
            .conversations()
            .filter((conversation) => conversation.title.toLocaleLowerCase().includes(needle));
        this.update({ term, status: 'searching', spaces, people: [], error: null });
        // Webex is asked once the rep pauses typing.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.timer = setTimeout(() => this.askWebex(term), this.options.delayMs ?? 300);
    }

    /** Back to the list. */
    clear(): void {
        this.type('');
    }

    close(): void {
        this.cancel();
    }

    private async askWebex(term: string): Promise<void> {
        this.timer = null;
        try {
            const found = await this.options.searchPeople(term);
            if (term !== this.current.term) return;
            const people = found
                .filter((person) => person.id !== this.options.myPersonId)
                .map(toPerson)
                .filter((person): person is ChatPerson => person !== null);
            const known = people.some((person) => person.email.toLowerCase() === term.toLowerCase());
            if (EMAIL.test(term) && !known) people.push({ id: null, name: term, email: term });
            this.update({ status: 'done', people });
        } catch (error) {
            if (term !== this.current.term) return;
            this.update({ status: 'failed', error: toWebexError(error).message });
        }
    }

    private cancel(): void {
        if (this.timer) clearTimeout(this.timer);
        this.timer = null;
    }

    private update(change: Partial<ChatSearchState>): void {
        this.current = { ...this.current, ...change };
        this.options.onChange(this.current);
    }
}
