/**
 * Mercury, the websocket the Webex JS SDK listens on, as the SDK's source expects it
 * (`@webex/internal-plugin-mercury@3.12.0` `src/mercury.js`, `src/socket/socket-base.js`); no public
 * document describes it. The client authorizes with its token, the server's first answer is a
 * `mercury.buffer_state` event, pings get a pong with the same id, every server frame carries a
 * `sequenceNumber` and is acknowledged (`{messageId, type: "ack"}`), and conversation activities arrive
 * as `conversation.activity` events.
 *
 * Activities are plaintext: they have no `encryptionKeyUrl`, so the SDK skips decryption
 * (`@webex/internal-plugin-conversation` `decryption-transforms.js` `decryptActivity`). There is no KMS.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebexEvent } from './events.ts';
import { uuidOf } from './ids.ts';
import { hasScope } from './routes/route.ts';
import type { EmulatedUser, EmulatorState } from './state.ts';
import type { Device } from './store/device-store.ts';
import type { Room } from './store/messaging-store.ts';
import { WebSocketServer, type WebSocket } from 'ws';

const MERCURY_PATH = /^\/mercury\/api\/v1\/apps\/wx2\/registrations\/([^/]+)\/messages\/?$/;

/**
 * Close codes the SDK reacts to (`socket-base.js` `open`): 4401 makes it refresh its token, 4403 and
 * 4400 are final; the emulator's choice of code for each refusal is its own (not documented).
 */
const CLOSE = {
    notAuthorized: { code: 4401, reason: 'Authentication failed' },
    forbidden: { code: 4403, reason: 'The token does not own this device registration' },
    badRequest: { code: 4400, reason: 'Expected an authorization message' },
    unregistered: { code: 4000, reason: 'Device unregistered' }
};

/** One SDK connection, as the control API shows it. */
export interface MercuryConnectionInfo {
    deviceId: string;
    personEmail: string | undefined;
    authorized: boolean;
    /** Query the client connected with (`outboundWireFormat`, `bufferStates`, ...). */
    query: Record<string, string>;
    pings: number;
    /** Ids of server frames sent and not acknowledged yet. */
    unacknowledged: string[];
    acknowledged: number;
}

interface Connection {
    socket: WebSocket;
    deviceId: string;
    query: Record<string, string>;
    user?: EmulatedUser;
    sequence: number;
    pings: number;
    unacknowledged: Set<string>;
    acknowledged: number;
}

/** A person as activities name them: by uuid (`entryUUID`), with email, name and org uuid. */
function personEntry(user: EmulatedUser | undefined, personId: string): Record<string, unknown> {
    return {
        objectType: 'person',
        id: uuidOf(personId),
        entryUUID: uuidOf(personId),
        ...(user
            ? {
                  emailAddress: user.emails[0],
                  entryEmail: user.emails[0],
                  displayName: user.displayName,
                  orgId: uuidOf(user.orgId)
              }
            : {})
    };
}

/** `ONE_ON_ONE` for a direct room, `LOCKED` for a moderated one: the tags the SDK reads a room's type from. */
function roomTags(room: Room): string[] {
    return [...(room.type === 'direct' ? ['ONE_ON_ONE'] : []), ...(room.isLocked ? ['LOCKED'] : [])];
}

/** Refuses an upgrade with a plain HTTP answer: no WebSocket is opened. */
export function rejectUpgrade(socket: Duplex, status: number, text: string): void {
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export class MercuryHub {
    private readonly connections = new Set<Connection>();
    /** `ws` does the WebSocket protocol (RFC 6455); Mercury's messages are JSON text frames under 1 MB. */
    private readonly sockets = new WebSocketServer({ noServer: true, maxPayload: 1 << 20 });
    /** Members a `create` activity already named, so their own membership events are not told twice. */
    private readonly announced = new Map<string, Set<string>>();
    private readonly world: EmulatorState;

    constructor(world: EmulatorState) {
        this.world = world;
    }

    /** Handles an HTTP `upgrade`; false when the path is not a Mercury registration (left to others). */
    upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
        const url = new URL(req.url ?? '/', 'http://emulator');
        const deviceId = MERCURY_PATH.exec(url.pathname)?.[1];
        if (!deviceId) return false;
        if (!this.world.devices.find(deviceId)) {
            rejectUpgrade(socket, 404, 'Not Found');
            return true;
        }
        // A fault on the websocket's path refuses the upgrade, as a proxy or firewall that blocks websockets does:
        // the SDK then cannot listen and the components fall back to refreshing through Apex.
        const fault = this.world.takeFault('GET', url.pathname);
        if (fault?.status) {
            rejectUpgrade(socket, fault.status, fault.status === 429 ? 'Too Many Requests' : 'Refused');
            return true;
        }
        this.sockets.handleUpgrade(req, socket, head, (ws) => {
            const connection: Connection = {
                socket: ws,
                deviceId,
                query: Object.fromEntries(url.searchParams),
                sequence: 0,
                pings: 0,
                unacknowledged: new Set(),
                acknowledged: 0
            };
            this.connections.add(connection);
            // Mercury speaks JSON text; binary frames carry nothing the emulator understands.
            ws.on('message', (data, isBinary) => {
                if (isBinary) return;
                const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
                this.receive(connection, bytes.toString('utf8'));
            });
            ws.on('close', () => this.connections.delete(connection));
            ws.on('error', () => ws.terminate());
        });
        return true;
    }

    /** Tells the connected devices of the event's audience, as a conversation activity. */
    publish(event: WebexEvent): void {
        if (!['messages', 'memberships', 'rooms'].includes(event.resource)) return;
        const activity = this.activity(event);
        if (!activity) return;
        for (const connection of this.connections) {
            const device = this.world.devices.find(connection.deviceId);
            if (!connection.user || !device || !event.audience.includes(device.personId)) continue;
            this.send(connection, {
                id: randomUUID(),
                data: { eventType: 'conversation.activity', activity: activity(device) },
                timestamp: Date.now(),
                trackingId: `EMU_${randomUUID()}`,
                alertType: 'full',
                headers: {},
                filterMessage: false
            });
        }
    }

    /** Closes the sockets of a device that was unregistered. */
    closeDevice(deviceId: string): void {
        for (const connection of this.connections)
            if (connection.deviceId === deviceId)
                connection.socket.close(CLOSE.unregistered.code, CLOSE.unregistered.reason);
    }

    /** Drops every socket (emulator shutdown). */
    closeAll(): void {
        for (const connection of this.connections) connection.socket.terminate();
        this.connections.clear();
        this.announced.clear();
    }

    info(): MercuryConnectionInfo[] {
        return [...this.connections].map((c) => ({
            deviceId: c.deviceId,
            personEmail: c.user?.emails[0],
            authorized: Boolean(c.user),
            query: c.query,
            pings: c.pings,
            unacknowledged: [...c.unacknowledged],
            acknowledged: c.acknowledged
        }));
    }

    private receive(connection: Connection, text: string): void {
        let message: { id?: unknown; type?: unknown; messageId?: unknown; data?: { token?: unknown } };
        try {
            message = JSON.parse(text) as typeof message;
        } catch {
            return;
        }
        if (!connection.user) return this.authorize(connection, message);
        if (message.type === 'ping') {
            connection.pings += 1;
            return this.send(connection, { id: message.id, type: 'pong' });
        }
        if (message.type === 'ack' && typeof message.messageId === 'string') {
            if (connection.unacknowledged.delete(message.messageId)) connection.acknowledged += 1;
        }
    }

    /** The first client message must be `{type: "authorization", data: {token: "Bearer …"}}`. */
    private authorize(connection: Connection, message: { type?: unknown; data?: { token?: unknown } }): void {
        const close = ({ code, reason }: { code: number; reason: string }) => connection.socket.close(code, reason);
        if (message.type !== 'authorization') return close(CLOSE.badRequest);
        const token = String(message.data?.token ?? '').replace(/^Bearer\s+/i, '');
        const caller = token ? this.world.authenticate(token) : undefined;
        if (!caller || !hasScope(caller.scopes, 'spark:all')) return close(CLOSE.notAuthorized);
        const device = this.world.devices.find(connection.deviceId);
        if (!device || device.personId !== caller.user.id) return close(CLOSE.forbidden);
        connection.user = caller.user;
        // The SDK waits for this event before it resolves connect() (`socket-base.js` `_authorize`).
        this.send(connection, { id: randomUUID(), data: { eventType: 'mercury.buffer_state' } });
    }

    /** Numbers the frame (the SDK checks the sequence), remembers it until acknowledged, and sends it. */
    private send(connection: Connection, frame: Record<string, unknown>): void {
        connection.sequence += 1;
        if (typeof frame.id === 'string') connection.unacknowledged.add(frame.id);
        if (connection.socket.readyState === connection.socket.OPEN)
            connection.socket.send(JSON.stringify({ ...frame, sequenceNumber: connection.sequence }));
    }

    /**
     * The activity for an event, built per device (its URLs use the origin the device registered
     * through), or undefined when the event has no activity (or the create activity already told it).
     * Fields are those the SDK's plugins read (plugin-messages `messages.js` `getMessageEvent`,
     * plugin-memberships `memberships.js` `onWebexApiEvent`, plugin-rooms `rooms.js` `getRoomEvent`).
     */
    private activity(event: WebexEvent): ((device: Device) => Record<string, unknown>) | undefined {
        const data = event.data as Record<string, string | boolean | undefined>;
        const roomId = String(event.resource === 'rooms' ? data.id : data.roomId);
        const room = this.world.messaging.rooms.find((r) => r.id === roomId);
        if (!room) return undefined;
        const actor = personEntry(this.world.userById(event.actorId), event.actorId);
        const key = `${event.resource}/${event.event}`;
        if (key === 'rooms/created') {
            const members = this.world.messaging.membersOf(room.id);
            this.announced.set(room.id, new Set(members));
            // The room's own membership events follow in the same turn; later ones are told again.
            queueMicrotask(() => this.announced.delete(room.id));
        }
        if (key === 'memberships/created' && this.announced.get(room.id)?.has(String(data.personId))) return undefined;
        const verbs: Record<string, string> = {
            'messages/created': (data.files as unknown as string[] | undefined)?.length ? 'share' : 'post',
            'messages/deleted': 'delete',
            'memberships/created': 'add',
            'memberships/deleted': 'leave',
            'rooms/created': 'create',
            'rooms/updated': 'update'
        };
        const verb = verbs[key];
        if (!verb) return undefined;
        const message =
            event.resource === 'messages' ? this.world.messaging.messages.find((m) => m.id === data.id) : undefined;
        const memberPerson =
            event.resource === 'memberships'
                ? {
                      ...personEntry(this.world.userById(String(data.personId)), String(data.personId)),
                      roomProperties: { isModerator: data.isModerator === true }
                  }
                : undefined;
        const members = this.world.messaging.membersOf(room.id);
        return (device) => {
            const conversationUrl = `${device.origin}/conversation/api/v1/conversations/${uuidOf(room.id)}`;
            const target = {
                objectType: 'conversation',
                id: uuidOf(room.id),
                url: conversationUrl,
                tags: roomTags(room)
            };
            // A new message's activity id is its uuid: the SDK rebuilds the message id from it.
            const id = verb === 'post' || verb === 'share' ? uuidOf(String(data.id)) : randomUUID();
            const object: Record<string, unknown> =
                verb === 'post' || verb === 'share'
                    ? {
                          objectType: 'comment',
                          ...(message?.text !== undefined ? { displayName: message.text } : {}),
                          ...(message?.markdown !== undefined ? { content: message.markdown } : {}),
                          ...(verb === 'share'
                              ? {
                                    files: {
                                        items: (message?.files ?? []).map((url) => ({ objectType: 'file', url }))
                                    }
                                }
                              : {})
                      }
                    : verb === 'delete'
                      ? { objectType: 'activity', id: uuidOf(String(data.id)) }
                      : verb === 'create'
                        ? {
                              ...target,
                              displayName: room.title,
                              participants: {
                                  items: members.map((personId) => ({
                                      ...personEntry(this.world.userById(personId), personId),
                                      roomProperties: {
                                          isModerator: Boolean(
                                              this.world.messaging.membership(room.id, personId)?.isModerator
                                          )
                                      }
                                  }))
                              }
                          }
                        : verb === 'update'
                          ? { objectType: 'conversation', displayName: room.title }
                          : (memberPerson ?? {});
            return {
                id,
                objectType: 'activity',
                verb,
                url: `${device.origin}/conversation/api/v1/activities/${id}`,
                // What happened now (an update, a deletion, a leave) is published now.
                published:
                    verb === 'update' || verb === 'delete' || verb === 'leave'
                        ? new Date().toISOString()
                        : String(data.created ?? new Date().toISOString()),
                actor,
                object,
                target,
                // Plaintext: no encryptionKeyUrl, so the SDK does not ask a KMS for a key.
                clientTempId: randomUUID()
            };
        };
    }
}
