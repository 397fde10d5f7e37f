/**
 * What a Webex space shows, kept apart from the components that show it (`c-webex-space-view`, and its composer
 * `c-webex-space-composer` for drafts and mentions):
 * - the messages loaded so far, once each, oldest first (Webex lists them newest first, pages go back in time);
 * - each reply under the message it answers (Webex threads are one level deep: a reply's `parentId` is a
 *   top-level message), a reply whose parent is not loaded yet shown on its own;
 * - the markdown of a mention (developer.webex.com › Messages › Create a Message: `<@personEmail:…|Name>`);
 * - what creating a space (or adding people) did: who was added, who was not and why;
 * - who wrote a message: a member's name, else a name Webex gives for the author's email (asked once per page), else
 *   the email; and a file's size as a person reads it ("31 bytes", « 31 octets », "2.4 MB");
 * - the draft of each space, kept in the browser's localStorage under `webexDraft:<personId>:<spaceId>` until it is
 *   sent, so a reload of the panel loses nothing (Lightning Web Security gives each namespace its own localStorage).
 *   The key names the rep's Webex person: another Salesforce user of the same browser, signed in to the same org,
 *   shares the namespace's storage but never sees the rep's drafts; Disconnect removes them (`forgetDrafts`).
 */

import { formatLabel, formatNumber } from 'c/webexLabelFormat';
import USER_ID from '@salesforce/user/Id';
import ATTACHED_FILE from '@salesforce/label/c.WebexSpaces_File';
import CREATED from '@salesforce/label/c.WebexSpaces_Created';
import NOT_ADDED from '@salesforce/label/c.WebexSpaces_NotAdded';
import PEOPLE_ADDED from '@salesforce/label/c.WebexSpaces_PeopleAdded';
import REASON_NO_EMAIL from '@salesforce/label/c.WebexSpaces_ReasonNoEmail';
import REASON_NOT_TRIED from '@salesforce/label/c.WebexSpaces_ReasonNotTried';
import REASON_REFUSED from '@salesforce/label/c.WebexSpaces_ReasonRefused';

/** One message as the space shows it. */
export interface ShownMessage {
    id: string;
    author: string;
    mine: boolean;
    created: string;
    /** Webex's HTML of the message (mentions, markdown), else its text. */
    body: string;
    /** Its files by name (`key` unique within the message). */
    files: ShownFile[];
    replies: ShownMessage[];
}

/** A file of a message as shown: its name when known, else "Attached file". */
export interface ShownFile {
    key: string;
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    name: string;
}

/** Who wrote a message: a member's name by person id or email, else the email. */
export type NameOf = (message: WebexSpaceMessage) => string;

/** A message's id; one without (never from Webex) is told apart by its time and text. */
function keyOf(message: WebexSpaceMessage): string {
    return message.id ?? `${message.created ?? ''}|${message.text ?? ''}`;
}

/**
 * `incoming` added to `known`, each message once (the later copy wins), oldest first. File names are kept: only the
 * sender's browser knows them (Webex lists and announces a message's files as content URLs), and the copy the
 * websocket brings after a post would otherwise replace them.
 */
export function mergeMessages(known: WebexSpaceMessage[], incoming: WebexSpaceMessage[]): WebexSpaceMessage[] {
    const byId = new Map<string, WebexSpaceMessage>();
    for (const message of [...known, ...incoming]) {
        const earlier = byId.get(keyOf(message));
        const names = message.fileNames?.length ? message.fileNames : earlier?.fileNames;
        byId.set(keyOf(message), names?.length ? { ...message, fileNames: names } : message);
    }
    return [...byId.values()].sort(
        (a, b) => (a.created ?? '').localeCompare(b.created ?? '') || keyOf(a).localeCompare(keyOf(b))
    );
}

/** `known` without the message `id` (deleted in Webex). */
export function removeMessage(known: WebexSpaceMessage[], id: string): WebexSpaceMessage[] {
    return known.filter((message) => message.id !== id);
}

/** The oldest top-level message loaded: earlier content is asked for before it. */
export function oldestId(known: WebexSpaceMessage[]): string | null {
    return known.find((message) => !message.parentId)?.id ?? known[0]?.id ?? null;
}

/**
 * A message's files: the name the upload gave, else the last part of a shared URL. A Webex content URL
 * (`…/v1/contents/<id>`) ends with an opaque id, not a name: it shows as "Attached file" (Webex gives the name only in
 * the content's `Content-Disposition`).
 */
function shownFiles(message: WebexSpaceMessage): ShownFile[] {
    return (message.files ?? []).map((url, index) => {
        const key = `${index}:${url}`;
        const given = message.fileNames?.[index];
        if (given) return { key, name: given };
        const path = url.split('?')[0];
        const last = path.split('/').pop() ?? '';
        return { key, name: /\/contents\/[^/]+$/.test(path) || !last ? ATTACHED_FILE : last };
    });
}

function shown(message: WebexSpaceMessage, meId: string, nameOf: NameOf): ShownMessage {
    return {
        id: keyOf(message),
        author: nameOf(message),
        mine: Boolean(meId) && message.personId === meId,
        created: message.created ?? '',
        body: message.html || message.text || message.markdown || '',
        files: shownFiles(message),
        replies: []
    };
}

/** Top-level messages oldest first, each with its replies oldest first. */
export function toThreads(known: WebexSpaceMessage[], meId: string, nameOf: NameOf): ShownMessage[] {
    const tops = new Map<string, ShownMessage>();
    const threads: ShownMessage[] = [];
    for (const message of known) {
        if (message.parentId) continue;
        const top = shown(message, meId, nameOf);
        tops.set(keyOf(message), top);
        threads.push(top);
    }
    for (const message of known) {
        if (!message.parentId) continue;
        const parent = tops.get(message.parentId);
        if (parent) parent.replies.push(shown(message, meId, nameOf));
        else threads.push(shown(message, meId, nameOf));
    }
    return threads.sort((a, b) => a.created.localeCompare(b.created));
}

/** The markdown that mentions a member; the name loses the characters the syntax uses. */
export function mentionMarkdown(email: string, name: string): string {
    const label = name.replace(/[|<>]/g, ' ').trim() || email;
    return `<@personEmail:${email}|${label}>`;
}

/**
 * A file's size in the user's locale. Bytes are written out ("31 bytes", « 31 octets »): the short unit reads "31 byte"
 * in English; larger sizes use the short unit ("2.4 MB", « 2,4 Mo »), one decimal at most (ECMA-402 › NumberFormat,
 * `style: 'unit'`, https://tc39.es/ecma402/#sec-intl-numberformat-constructor, units from CLDR).
 */
export function fileSizeText(bytes: number): string {
    const units: Array<[number, string]> = [
        [1024 * 1024 * 1024, 'gigabyte'],
        [1024 * 1024, 'megabyte'],
        [1024, 'kilobyte']
    ];
    const larger = units.find(([size]) => bytes >= size);
    if (!larger) return formatNumber(bytes, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
    const [divisor, unit] = larger;
    return formatNumber(bytes / divisor, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 });
}

/** A member as far as naming authors goes. */
export interface NamedMember {
    personId: string;
    personEmail: string;
    personDisplayName: string;
}

/** Finds the display names Webex gives for some emails (those it knows). */
export type PeopleLookup = (emails: string[]) => Promise<Array<{ email: string; displayName: string }>>;

/**
 * Who wrote a message: the name Apex gave, else a member's name (by person id or email), else the name Webex gives for
 * the author's email, else the email. A former member is no longer among the members: the emails not named yet are
 * looked up together after the render that needed them, each once per page (a miss too), and `changed` is called
 * when names arrived.
 */
export class AuthorNames {
    private readonly lookup: PeopleLookup;
    private readonly changed: () => void;
    /** Lower-case email → display name; null once asked without an answer. */
    private readonly known = new Map<string, string | null>();
    private readonly pending = new Set<string>();

    constructor(lookup: PeopleLookup, changed: () => void) {
        this.lookup = lookup;
        this.changed = changed;
    }

    nameOf(message: WebexSpaceMessage, members: NamedMember[]): string {
        if (message.personName) return message.personName;
        const email = message.personEmail ?? '';
        const member = members.find(
            (item) => (message.personId && item.personId === message.personId) || (email && item.personEmail === email)
        );
        if (member?.personDisplayName) return member.personDisplayName;
        if (!email) return '';
        const key = email.toLowerCase();
        const name = this.known.get(key);
        if (name) return name;
        if (name === undefined) this.ask(key);
        return email;
    }

    private ask(email: string): void {
        const first = this.pending.size === 0;
        this.pending.add(email);
        this.known.set(email, null);
        if (first) Promise.resolve().then(() => this.flush());
    }

    private async flush(): Promise<void> {
        const emails = [...this.pending];
        this.pending.clear();
        try {
            let named = false;
            for (const person of await this.lookup(emails)) {
                const key = person.email.toLowerCase();
                if (!person.displayName || !emails.includes(key)) continue;
                this.known.set(key, person.displayName);
                named = true;
            }
            if (named) this.changed();
        } catch {
            // Webex could not say: the emails stay as the authors for this page.
        }
    }
}

export const DRAFT_PREFIX = 'webexDraft:';
/**
 * Under `webexDraftOwners:<Salesforce user id>`: the Webex people whose drafts this Salesforce user kept here, so that
 * Disconnect can remove them even on a page that never opened a space.
 */
export const DRAFT_OWNERS_PREFIX = 'webexDraftOwners:';

function storage(): Storage | null {
    try {
        // LWS partitions localStorage per namespace (Lightning Web Security Developer Guide › "Local Storage
        // Limitations"): the drafts are the package's own, which is what is wanted.
        // eslint-disable-next-line @locker/locker/distorted-storage-constructor
        return window.localStorage;
    } catch {
        // Storage refused (private mode, a policy): drafts last as long as the panel.
        return null;
    }
}

function draftKey(personId: string, key: string): string {
    return `${DRAFT_PREFIX}${personId}:${key}`;
}

function ownersKey(): string {
    return `${DRAFT_OWNERS_PREFIX}${USER_ID ?? ''}`;
}

function owners(store: Storage): string[] {
    try {
        const list: unknown = JSON.parse(store.getItem(ownersKey()) ?? '[]');
        return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
    } catch {
        return [];
    }
}

function rememberOwner(store: Storage, personId: string): void {
    const known = owners(store);
    if (!known.includes(personId)) store.setItem(ownersKey(), JSON.stringify([...known, personId]));
}

/** The draft the Webex person `personId` kept for `key` (a space, or a conversation not started yet), or ''. */
export function readDraft(personId: string, key: string): string {
    if (!personId) return '';
    try {
        return storage()?.getItem(draftKey(personId, key)) ?? '';
    } catch {
        return '';
    }
}

/** Keeps the draft (an empty one is removed); without the rep's Webex person nothing is kept. */
export function saveDraft(personId: string, key: string, text: string): void {
    if (!personId) return;
    try {
        const store = storage();
        if (!store) return;
        if (text) {
            rememberOwner(store, personId);
            store.setItem(draftKey(personId, key), text);
        } else store.removeItem(draftKey(personId, key));
    } catch {
        // A full storage: the draft stays in the composer.
    }
}

/** The draft is gone once sent. */
export function clearDraft(personId: string, key: string): void {
    saveDraft(personId, key, '');
}

/**
 * Removes every draft this Salesforce user kept in the browser, whichever Webex person wrote it: the rep disconnected
 * Webex, and what was typed under that connection leaves with it.
 */
export function forgetDrafts(): void {
    try {
        const store = storage();
        if (!store) return;
        const prefixes = owners(store).map((personId) => draftKey(personId, ''));
        const keys: string[] = [];
        for (let i = 0; i < store.length; i++) {
            const key = store.key(i);
            if (key && prefixes.some((prefix) => key.startsWith(prefix))) keys.push(key);
        }
        for (const key of keys) store.removeItem(key);
        store.removeItem(ownersKey());
    } catch {
        // Storage refused: there is nothing kept to remove.
    }
}

/** What creating a space or adding people did, in sentences: `created` names the space (null when adding). */
export interface MembershipSummary {
    created: string | null;
    added: string | null;
    notAdded: string | null;
}

/** Apex's answer to Create or Add people, said to the rep. */
export function summarize(result: WebexCreatedSpace, creating: boolean): MembershipSummary {
    const list = (names: string[]): string => names.join(', ');
    const reasons: Record<string, string> = { no_email: REASON_NO_EMAIL, not_tried: REASON_NOT_TRIED };
    const problems = (result.notAdded ?? []).map((problem) =>
        formatLabel(reasons[problem.reason] ?? REASON_REFUSED, problem.name)
    );
    return {
        created: creating ? formatLabel(CREATED, result.space?.title ?? '') : null,
        added: result.added?.length ? formatLabel(PEOPLE_ADDED, list(result.added)) : null,
        notAdded: problems.length ? formatLabel(NOT_ADDED, list(problems)) : null
    };
}
