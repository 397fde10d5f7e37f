/**
 * Spaces (rooms), their memberships and messages, with the rules clients meet on Webex: only members
 * see a room, a 1:1 message opens (or reuses) a direct room, the title of a direct room is the other
 * person's name, and every change is told to the members' webhooks.
 */
import { badRequest, notFound, WebexError } from '../errors.ts';
import { stableUuid, uuidOf, webexId } from '../ids.ts';
import { minutesFrom, readSeed } from '../seed.ts';
import type { EmulatedUser, EmulatorState } from '../state.ts';

export interface Room {
    id: string;
    title: string;
    type: 'direct' | 'group';
    isLocked: boolean;
    isAnnouncementOnly: boolean;
    isReadOnly: boolean;
    isPublic: boolean;
    description?: string;
    creatorId: string;
    orgId: string;
    created: string;
    lastActivity: string;
}

export interface Membership {
    id: string;
    roomId: string;
    personId: string;
    isModerator: boolean;
    created: string;
}

export interface Message {
    id: string;
    roomId: string;
    parentId?: string;
    personId: string;
    text?: string;
    markdown?: string;
    files?: string[];
    /** Set when the message was sent 1:1: the create response repeats them. */
    toPersonId?: string;
    toPersonEmail?: string;
    created: string;
    updated?: string;
}

/** A file attached to a message: uploaded bytes, or the public URL it was shared from. */
export interface Content {
    id: string;
    roomId: string;
    filename: string;
    contentType: string;
    data?: Buffer;
    sourceUrl?: string;
}

export interface NewMessage {
    roomId?: string;
    toPersonId?: string;
    toPersonEmail?: string;
    parentId?: string;
    text?: string;
    markdown?: string;
    /** Public URLs (Webex accepts one). */
    files?: string[];
    /** Bytes uploaded as multipart. */
    upload?: { filename: string; contentType: string; data: Buffer };
}

interface SeedRoom {
    key: string;
    title?: string;
    type: 'direct' | 'group';
    creator: string;
    members: string[];
    moderators: string[];
    createdDaysAgo: number;
    messages: Array<{ from: string; text?: string; markdown?: string; minutesAgo: number }>;
}

/** Webex caps text and markdown at 7,439 bytes. */
const MAX_MESSAGE_BYTES = 7439;

export class MessagingStore {
    rooms: Room[] = [];
    memberships: Membership[] = [];
    messages: Message[] = [];
    contents = new Map<string, Content>();
    private readonly world: EmulatorState;

    constructor(world: EmulatorState) {
        this.world = world;
    }

    /** Back to the seeded spaces (seed/spaces.json), dated relative to now. */
    reset(now = Date.now()): void {
        this.rooms = [];
        this.memberships = [];
        this.messages = [];
        this.contents.clear();
        for (const seed of readSeed<{ rooms: SeedRoom[] }>('spaces.json').rooms) this.seedRoom(seed, now);
    }

    // ----- reading -------------------------------------------------------------------------

    membership(roomId: string, personId: string): Membership | undefined {
        return this.memberships.find((m) => m.roomId === roomId && m.personId === personId);
    }

    /** A room the user belongs to; others are invisible (404), as on Webex. */
    visibleRoom(roomId: string, user: EmulatedUser): Room {
        const room = this.rooms.find((r) => r.id === roomId);
        if (!room || !this.membership(room.id, user.id)) throw notFound();
        return room;
    }

    roomsOf(user: EmulatedUser): Room[] {
        const ids = new Set(this.memberships.filter((m) => m.personId === user.id).map((m) => m.roomId));
        return this.rooms.filter((r) => ids.has(r.id));
    }

    membersOf(roomId: string): string[] {
        return this.memberships.filter((m) => m.roomId === roomId).map((m) => m.personId);
    }

    visibleMessage(messageId: string, user: EmulatedUser): Message {
        const message = this.messages.find((m) => m.id === messageId);
        if (!message || !this.membership(message.roomId, user.id)) throw notFound();
        return message;
    }

    // ----- views (the contract's shapes) ---------------------------------------------------

    /** A room as `viewer` sees it: a direct room is titled with the other person's name. */
    roomView(room: Room, viewerId: string): Record<string, unknown> {
        let title = room.title;
        if (room.type === 'direct') {
            const otherId = this.membersOf(room.id).find((id) => id !== viewerId);
            title = this.world.userById(otherId ?? '')?.displayName ?? title;
        }
        return {
            id: room.id,
            title,
            type: room.type,
            isLocked: room.isLocked,
            lastActivity: room.lastActivity,
            creatorId: room.creatorId,
            created: room.created,
            ownerId: room.orgId,
            isAnnouncementOnly: room.isAnnouncementOnly,
            isReadOnly: room.isReadOnly,
            isPublic: room.isPublic
        };
    }

    membershipView(membership: Membership): Record<string, unknown> {
        const person = this.world.userById(membership.personId);
        const room = this.rooms.find((r) => r.id === membership.roomId);
        return {
            id: membership.id,
            roomId: membership.roomId,
            personId: membership.personId,
            personEmail: person?.emails[0],
            personDisplayName: person?.displayName,
            personOrgId: person?.orgId,
            isModerator: membership.isModerator,
            isRoomHidden: false,
            roomType: room?.type,
            isMonitor: false,
            created: membership.created
        };
    }

    messageView(message: Message, includeRecipient = false): Record<string, unknown> {
        const author = this.world.userById(message.personId);
        const room = this.rooms.find((r) => r.id === message.roomId);
        return {
            id: message.id,
            ...(message.parentId ? { parentId: message.parentId } : {}),
            roomId: message.roomId,
            roomType: room?.type,
            ...(includeRecipient && message.toPersonId ? { toPersonId: message.toPersonId } : {}),
            ...(includeRecipient && message.toPersonEmail ? { toPersonEmail: message.toPersonEmail } : {}),
            ...(message.text !== undefined ? { text: message.text } : {}),
            ...(message.markdown !== undefined ? { markdown: message.markdown } : {}),
            ...(message.files?.length ? { files: message.files } : {}),
            personId: message.personId,
            personEmail: author?.emails[0],
            created: message.created,
            ...(message.updated ? { updated: message.updated } : {})
        };
    }

    // ----- changes -------------------------------------------------------------------------

    createRoom(
        user: EmulatedUser,
        fields: {
            title: string;
            isLocked?: boolean;
            isAnnouncementOnly?: boolean;
            isPublic?: boolean;
            description?: string;
        }
    ): Room {
        const now = new Date().toISOString();
        const room: Room = {
            id: webexId('ROOM'),
            title: fields.title,
            type: 'group',
            isLocked: fields.isLocked ?? false,
            isAnnouncementOnly: fields.isAnnouncementOnly ?? false,
            isReadOnly: false,
            isPublic: fields.isPublic ?? false,
            ...(fields.description ? { description: fields.description } : {}),
            creatorId: user.id,
            orgId: user.orgId,
            created: now,
            lastActivity: now
        };
        this.rooms.push(room);
        // The creator joins; in a locked (moderated) space they are its moderator.
        const membership = this.join(room, user.id, room.isLocked);
        this.tell(user, room, 'rooms', 'created', this.roomView(room, user.id));
        this.tell(user, room, 'memberships', 'created', this.membershipView(membership));
        return room;
    }

    updateRoom(
        user: EmulatedUser,
        room: Room,
        fields: Partial<Pick<Room, 'title' | 'isLocked' | 'isAnnouncementOnly' | 'isReadOnly' | 'isPublic'>>
    ): Room {
        if (room.type === 'direct') throw badRequest('A direct room cannot be updated.');
        this.assertMayModerate(user, room);
        Object.assign(room, Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
        this.tell(user, room, 'rooms', 'updated', this.roomView(room, user.id));
        return room;
    }

    /** Deletes the room; in a moderated room a non-moderator only leaves it, as Webex does. */
    deleteRoom(user: EmulatedUser, room: Room): void {
        const own = this.membership(room.id, user.id);
        if (room.isLocked && own && !own.isModerator) {
            this.removeMembership(user, own);
            return;
        }
        this.rooms = this.rooms.filter((r) => r.id !== room.id);
        this.memberships = this.memberships.filter((m) => m.roomId !== room.id);
        this.messages = this.messages.filter((m) => m.roomId !== room.id);
    }

    addMember(user: EmulatedUser, room: Room, person: EmulatedUser, isModerator: boolean): Membership {
        if (room.type === 'direct') throw badRequest('People cannot be added to a direct room.');
        if (room.isLocked) this.assertMayModerate(user, room);
        if (this.membership(room.id, person.id))
            throw new WebexError(409, 'The person is already a member of the room.');
        const membership = this.join(room, person.id, isModerator);
        this.tell(user, room, 'memberships', 'created', this.membershipView(membership));
        return membership;
    }

    removeMembership(user: EmulatedUser, membership: Membership): void {
        const room = this.rooms.find((r) => r.id === membership.roomId);
        if (!room) throw notFound();
        if (room.type === 'direct') throw badRequest('A member of a direct room cannot be removed.');
        if (membership.personId !== user.id && room.isLocked) this.assertMayModerate(user, room);
        const data = this.membershipView(membership);
        // Told before removal, so the person who leaves still hears of it.
        this.tell(user, room, 'memberships', 'deleted', data);
        this.memberships = this.memberships.filter((m) => m.id !== membership.id);
    }

    /** Posts a message; a 1:1 message goes to the direct room of the two people, created on first use. */
    postMessage(user: EmulatedUser, input: NewMessage, contentBaseUrl: string): Message {
        const room = this.destinationRoom(user, input);
        if (room.isAnnouncementOnly && !this.membership(room.id, user.id)?.isModerator)
            throw new WebexError(403, 'Only moderators can post in an announcement-only space.');
        if (input.parentId) {
            const parent = this.messages.find((m) => m.id === input.parentId && m.roomId === room.id);
            if (!parent) throw badRequest('parentId must be a message of the same room.');
            if (parent.parentId) throw badRequest('A reply cannot be replied to; reply to the thread parent.');
        }
        for (const field of ['text', 'markdown'] as const) {
            const value = input[field];
            if (value !== undefined && Buffer.byteLength(value) > MAX_MESSAGE_BYTES)
                throw badRequest(`${field} is longer than ${MAX_MESSAGE_BYTES} bytes.`);
        }
        const files = this.attach(room, input, contentBaseUrl);
        const now = new Date().toISOString();
        const message: Message = {
            id: webexId('MESSAGE'),
            roomId: room.id,
            ...(input.parentId ? { parentId: input.parentId } : {}),
            personId: user.id,
            ...(input.text !== undefined
                ? { text: input.text }
                : input.markdown !== undefined
                  ? { text: plainText(input.markdown) }
                  : {}),
            ...(input.markdown !== undefined ? { markdown: input.markdown } : {}),
            ...(files.length ? { files } : {}),
            ...(input.toPersonId ? { toPersonId: input.toPersonId } : {}),
            ...(input.toPersonEmail ? { toPersonEmail: input.toPersonEmail } : {}),
            created: now
        };
        this.messages.push(message);
        room.lastActivity = now;
        this.tell(user, room, 'messages', 'created', messageEventData(message, room, this.world.userById(user.id)));
        return message;
    }

    deleteMessage(user: EmulatedUser, message: Message): void {
        const room = this.rooms.find((r) => r.id === message.roomId);
        if (!room) throw notFound();
        if (message.personId !== user.id && !this.membership(room.id, user.id)?.isModerator)
            throw new WebexError(403, 'Only the author or a moderator can delete a message.');
        this.messages = this.messages.filter((m) => m.id !== message.id);
        this.tell(
            user,
            room,
            'messages',
            'deleted',
            messageEventData(message, room, this.world.userById(message.personId))
        );
    }

    // ----- internals -----------------------------------------------------------------------

    private destinationRoom(user: EmulatedUser, input: NewMessage): Room {
        if (input.roomId) return this.visibleRoom(input.roomId, user);
        const person = input.toPersonId
            ? this.world.userById(input.toPersonId)
            : this.world.userByEmail(input.toPersonEmail ?? '');
        if (!person)
            throw new WebexError(
                404,
                'No Webex person has that id or email (the emulator knows the seeded people: GET /_emulator/users).'
            );
        if (person.id === user.id) throw badRequest('A message cannot be sent 1:1 to oneself.');
        return this.directRoom(user, person);
    }

    /** The direct room of two people, created (and told to both) on first use. */
    private directRoom(user: EmulatedUser, person: EmulatedUser): Room {
        const existing = this.rooms.find(
            (r) => r.type === 'direct' && this.membership(r.id, user.id) && this.membership(r.id, person.id)
        );
        if (existing) return existing;
        const now = new Date().toISOString();
        const room: Room = {
            id: webexId('ROOM'),
            title: person.displayName,
            type: 'direct',
            isLocked: false,
            isAnnouncementOnly: false,
            isReadOnly: false,
            isPublic: false,
            creatorId: user.id,
            orgId: user.orgId,
            created: now,
            lastActivity: now
        };
        this.rooms.push(room);
        const memberships = [this.join(room, user.id, false), this.join(room, person.id, false)];
        this.tell(user, room, 'rooms', 'created', this.roomView(room, user.id));
        for (const membership of memberships)
            this.tell(user, room, 'memberships', 'created', this.membershipView(membership));
        return room;
    }

    private attach(room: Room, input: NewMessage, contentBaseUrl: string): string[] {
        const urls = input.files ?? [];
        if (urls.length + (input.upload ? 1 : 0) > 1) throw badRequest('Only one file can be attached to a message.');
        const content: Content | null = input.upload
            ? { id: webexId('CONTENT'), roomId: room.id, ...input.upload }
            : urls[0]
              ? {
                    id: webexId('CONTENT'),
                    roomId: room.id,
                    filename: decodeURIComponent(new URL(urls[0]).pathname.split('/').pop() || 'file'),
                    contentType: 'application/octet-stream',
                    sourceUrl: urls[0]
                }
              : null;
        if (!content) return [];
        this.contents.set(content.id, content);
        return [`${contentBaseUrl}/v1/contents/${content.id}`];
    }

    private join(room: Room, personId: string, isModerator: boolean, created = new Date().toISOString()): Membership {
        const membership: Membership = {
            id: membershipId(personId, room.id),
            roomId: room.id,
            personId,
            isModerator,
            created
        };
        this.memberships.push(membership);
        return membership;
    }

    private assertMayModerate(user: EmulatedUser, room: Room): void {
        if (room.isLocked && !this.membership(room.id, user.id)?.isModerator)
            throw new WebexError(403, 'Only a moderator can change a moderated space.');
    }

    /** Tells the room's members' webhooks (and the org's) what `user` did. */
    private tell(user: EmulatedUser, room: Room, resource: string, event: string, data: Record<string, unknown>): void {
        this.world.emit({
            resource,
            event,
            actorId: user.id,
            orgId: room.orgId,
            audience: this.membersOf(room.id),
            data
        });
    }

    private seedRoom(seed: SeedRoom, now: number): void {
        const person = (email: string): EmulatedUser => {
            const found = this.world.userByEmail(email);
            if (!found) throw new Error(`seed/spaces.json names an unknown person: ${email}`);
            return found;
        };
        const created = minutesFrom(now, -seed.createdDaysAgo * 24 * 60);
        const members = seed.members.map(person);
        const room: Room = {
            id: webexId('ROOM', stableUuid(`room:${seed.key}`)),
            title: seed.title ?? members[1]?.displayName ?? '',
            type: seed.type,
            isLocked: seed.moderators.length > 0,
            isAnnouncementOnly: false,
            isReadOnly: false,
            isPublic: false,
            creatorId: person(seed.creator).id,
            orgId: person(seed.creator).orgId,
            created,
            lastActivity: created
        };
        this.rooms.push(room);
        for (const member of members) {
            this.memberships.push({
                id: membershipId(member.id, room.id),
                roomId: room.id,
                personId: member.id,
                isModerator: seed.moderators.includes(member.emails[0]),
                created
            });
        }
        seed.messages.forEach((m, index) => {
            const at = minutesFrom(now, -m.minutesAgo);
            this.messages.push({
                id: webexId('MESSAGE', stableUuid(`message:${seed.key}:${index}`)),
                roomId: room.id,
                personId: person(m.from).id,
                text: m.text ?? plainText(m.markdown ?? ''),
                ...(m.markdown ? { markdown: m.markdown } : {}),
                created: at
            });
            if (at > room.lastActivity) room.lastActivity = at;
        });
    }
}

/**
 * A membership's id names its person and room (`<person uuid>:<room uuid>`): the Webex JS SDK builds
 * membership ids that way from websocket activities (`@webex/common` `uuid-utils.js`
 * `buildHydraMembershipId`), so REST and the SDK agree on them.
 */
function membershipId(personId: string, roomId: string): string {
    return webexId('MEMBERSHIP', `${uuidOf(personId)}:${uuidOf(roomId)}`);
}

/**
 * What a `messages` webhook carries: the message's ids and author, never its text (Webex makes the
 * receiver fetch the message with its own token).
 */
function messageEventData(message: Message, room: Room, author: EmulatedUser | undefined): Record<string, unknown> {
    return {
        id: message.id,
        roomId: room.id,
        roomType: room.type,
        ...(message.parentId ? { parentId: message.parentId } : {}),
        personId: message.personId,
        personEmail: author?.emails[0],
        ...(message.files?.length ? { files: message.files } : {}),
        created: message.created
    };
}

/** The plain text Webex derives from markdown (good enough for the common marks). */
function plainText(markdown: string): string {
    return markdown
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/(\*\*|__|\*|_|~~|`)/g, '')
        .replace(/^#+\s*/gm, '')
        .trim();
}
