/**
 * What the messaging session hands to components, made from what the Webex JS SDK returns (its REST resources and
 * its websocket events carry the same shapes: developer.webex.com › Messages, Rooms, Memberships, People) or from
 * what the Apex fallback returns.
 */
import type { SdkMembership, SdkMessage, SdkPerson, SdkRoom } from './webexMessagingSdk';

/** Messages asked for per page of a space, as Webex's own clients do. */
export const PAGE_SIZE = 50;

/** A message created in (or deleted from) a space the rep belongs to. */
export interface MessageEvent {
    type: 'created' | 'deleted';
    spaceId: string;
    message: WebexSpaceMessage;
}

/** A space as Chat lists it. */
export interface MessagingSpace {
    id: string;
    title: string;
    type: 'direct' | 'group';
    lastActivity: string | null;
    created: string | null;
}

export interface MessagingMember {
    id: string;
    personId: string;
    personEmail: string;
    personDisplayName: string;
    isModerator: boolean;
}

export interface MessagingPerson {
    id: string;
    displayName: string;
    emails: string[];
}

/** A REST message (from the SDK, whose events carry the same shape) as the Apex fallback returns it. */
export function fromSdkMessage(message: SdkMessage): WebexSpaceMessage {
    return {
        id: message.id,
        parentId: message.parentId ?? null,
        personId: message.personId ?? '',
        personEmail: message.personEmail ?? '',
        personName: null,
        text: message.text ?? null,
        markdown: message.markdown ?? null,
        html: message.html ?? null,
        created: message.created ?? new Date().toISOString(),
        files: message.files ?? []
    };
}

export function fromSdkRoom(room: SdkRoom): MessagingSpace {
    return {
        id: room.id,
        title: room.title ?? '',
        type: room.type === 'direct' ? 'direct' : 'group',
        lastActivity: room.lastActivity ?? null,
        created: room.created ?? null
    };
}

export function fromSdkMembership(member: SdkMembership): MessagingMember {
    return {
        id: member.id,
        personId: member.personId,
        personEmail: member.personEmail ?? '',
        personDisplayName: member.personDisplayName ?? member.personEmail ?? '',
        isModerator: Boolean(member.isModerator)
    };
}

export function fromSdkPerson(person: SdkPerson): MessagingPerson {
    return { id: person.id, displayName: person.displayName ?? '', emails: person.emails ?? [] };
}

/** A person as the Apex fallback finds them (`WebexChatController.searchPeople`). */
export function fromApexPerson(person: WebexChatPerson): MessagingPerson {
    return { id: person.id ?? '', displayName: person.displayName ?? '', emails: person.emails ?? [] };
}

/** A space as the Apex fallback lists it (`WebexChatController.listSpaces`). */
export function fromApexSpace(space: WebexChatSpace): MessagingSpace {
    return {
        id: space.id ?? '',
        title: space.title ?? '',
        type: space.type === 'direct' ? 'direct' : 'group',
        lastActivity: space.lastActivity,
        created: space.created
    };
}
