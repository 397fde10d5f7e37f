/**
 * Calls and their state machine. A dial alerts the user's device first (`clickToDial`, `alerting`),
 * which answers and places the call (`originator`, `connecting`); the far end answers (`connected`),
 * either by itself after a delay or, for a colleague, when they answer their own incoming leg
 * (`terminator`, `alerting`). Hold, resume, mute and hang-up follow; every transition is a
 * `telephony_calls` webhook to the line owner, and call history keeps placed, received and missed calls.
 */
import { randomUUID } from 'node:crypto';
import { badRequest, notFound, WebexError } from '../errors.ts';
import { digits, webexId } from '../ids.ts';
import { minutesFrom, readSeed } from '../seed.ts';
import type { EmulatedUser, EmulatorState } from '../state.ts';
import {
    callEventData,
    EVENT_TYPES,
    type CallHistoryRecord,
    type CallLeg,
    type CallState,
    type RemoteParty
} from './call-model.ts';

/** Webex keeps the 20 most recent records of each type. */
const HISTORY_PER_TYPE = 20;

export interface InboundCall {
    /** The callee's email. */
    to: string;
    /** The caller's number (or a colleague's extension). */
    from: string;
    name?: string;
    /** Overrides `settings.calls.ringTimeoutMs` for this call (null rings until told otherwise). */
    ringTimeoutMs?: number | null;
}

export class CallStore {
    /** Calls not yet disconnected. */
    legs: CallLeg[] = [];
    history = new Map<string, CallHistoryRecord[]>();
    private timers = new Map<string, Set<NodeJS.Timeout>>();
    private readonly world: EmulatorState;

    constructor(world: EmulatorState) {
        this.world = world;
    }

    /** Back to no calls and the seeded history (seed/call-history.json); pending transitions are cancelled. */
    reset(now = Date.now()): void {
        this.dispose();
        this.legs = [];
        this.history = new Map();
        const seed = readSeed<Record<string, Array<CallHistoryRecord & { minutesAgo: number }>>>('call-history.json');
        for (const [email, records] of Object.entries(seed)) {
            const user = this.world.userByEmail(email);
            if (!user) throw new Error(`seed/call-history.json names an unknown person: ${email}`);
            this.history.set(
                user.id,
                records
                    .map(({ minutesAgo, ...record }) => ({
                        ...record,
                        privacyEnabled: record.privacyEnabled ?? false,
                        time: minutesFrom(now, -minutesAgo)
                    }))
                    .sort((a, b) => b.time.localeCompare(a.time))
            );
        }
    }

    /** Cancels every scheduled transition (server close, reset). */
    dispose(): void {
        for (const set of this.timers.values()) for (const timer of set) clearTimeout(timer);
        this.timers.clear();
    }

    // ----- reading -------------------------------------------------------------------------

    activeCalls(user: EmulatedUser): CallLeg[] {
        return this.legs.filter((leg) => leg.ownerId === user.id);
    }

    /** A call of the user's, or 404 (another person's call is invisible). */
    owned(user: EmulatedUser, callId: unknown): CallLeg {
        if (typeof callId !== 'string' || !callId) throw badRequest('callId is required.');
        const leg = this.legs.find((l) => l.id === callId && l.ownerId === user.id);
        if (!leg) throw notFound();
        return leg;
    }

    /** Any active call, for the control API. */
    find(callId: string): CallLeg {
        const leg = this.legs.find((l) => l.id === callId);
        if (!leg) throw notFound();
        return leg;
    }

    historyOf(user: EmulatedUser, type?: string | null): CallHistoryRecord[] {
        if (type && !['placed', 'missed', 'received'].includes(type))
            throw badRequest('type must be placed, missed or received.');
        const all = this.history.get(user.id) ?? [];
        const types = type ? [type] : ['placed', 'missed', 'received'];
        return types
            .flatMap((t) => all.filter((record) => record.type === t).slice(0, HISTORY_PER_TYPE))
            .sort((a, b) => b.time.localeCompare(a.time));
    }

    // ----- the user's commands (REST) ------------------------------------------------------

    /** `POST /telephony/calls/dial`: the user's device alerts first, then places the call. */
    dial(user: EmulatedUser, destination: unknown): CallLeg {
        const dialled = normalizeDestination(destination);
        const callee = this.world.userForDestination(dialled);
        if (callee?.id === user.id) throw badRequest('A user cannot dial their own line.');
        const leg = this.open(user, 'clickToDial', 'alerting', callee ? colleague(callee, dialled) : external(dialled));
        this.record(user.id, 'placed', leg.remoteParty, leg.created);
        this.emit(leg, 'created', EVENT_TYPES.dialled);
        this.later(leg, this.world.settings.calls.deviceAnswerAfterMs, () => this.placeCall(leg));
        return leg;
    }

    /** `answer`: an incoming call is connected; a click-to-dial alert places the call. */
    answer(user: EmulatedUser, callId: unknown): void {
        const leg = this.owned(user, callId);
        if (leg.state !== 'alerting') throw conflict(leg, 'answer');
        if (leg.personality === 'clickToDial') return this.placeCall(leg);
        this.connect(leg, EVENT_TYPES.answered);
        this.record(leg.ownerId, 'received', leg.remoteParty, leg.answered as string);
        const peer = this.peer(leg);
        if (peer) this.connect(peer, EVENT_TYPES.remoteAnswered);
    }

    /** `reject`: an incoming call that is still alerting ends (as missed). */
    reject(user: EmulatedUser, callId: unknown, action: unknown): void {
        const leg = this.owned(user, callId);
        if (action !== undefined && !['busy', 'temporarilyUnavailable', 'ignore'].includes(action as string))
            throw badRequest('action must be busy, temporarilyUnavailable or ignore.');
        if (leg.personality !== 'terminator' || leg.state !== 'alerting') throw conflict(leg, 'reject');
        this.endSession(leg);
    }

    /** `hangup`: the call and the other side's leg end (an unanswered incoming call counts as missed). */
    hangup(user: EmulatedUser, callId: unknown): void {
        this.endSession(this.owned(user, callId));
    }

    hold(user: EmulatedUser, callId: unknown): void {
        const leg = this.owned(user, callId);
        if (leg.state !== 'connected' && leg.state !== 'remoteHeld') throw conflict(leg, 'hold');
        this.move(leg, 'held', EVENT_TYPES.held);
        const peer = this.peer(leg);
        if (peer?.state === 'connected') this.move(peer, 'remoteHeld', EVENT_TYPES.remoteHeld);
    }

    resume(user: EmulatedUser, callId: unknown): void {
        const leg = this.owned(user, callId);
        if (leg.state !== 'held') throw conflict(leg, 'resume');
        const peer = this.peer(leg);
        this.move(leg, peer?.state === 'held' ? 'remoteHeld' : 'connected', EVENT_TYPES.resumed);
        if (peer?.state === 'remoteHeld') this.move(peer, 'connected', EVENT_TYPES.resumed);
    }

    setMuted(user: EmulatedUser, callId: unknown, muted: boolean): void {
        const leg = this.owned(user, callId);
        if (!leg.muteCapable) throw conflict(leg, muted ? 'mute' : 'unmute');
        if (leg.muted === muted) return;
        leg.muted = muted;
        this.emit(leg, 'updated', EVENT_TYPES.muteChanged);
    }

    // ----- the far end (control API) -------------------------------------------------------

    /** Someone calls a user: their leg alerts (a colleague calling gets their own connecting leg). */
    inbound(call: InboundCall): CallLeg {
        const callee = this.world.userByEmail(call.to);
        if (!callee) throw new WebexError(404, `No emulated user has the email ${call.to} (GET /_emulator/users).`);
        const from = normalizeDestination(call.from);
        const caller = this.world.userForDestination(from);
        if (caller?.id === callee.id) throw badRequest('A user cannot call their own line.');
        const party: RemoteParty = caller
            ? colleague(caller, from)
            : { ...(call.name ? { name: call.name } : {}), number: from, privacyEnabled: false, callType: 'external' };
        const leg = this.open(callee, 'terminator', 'alerting', party);
        if (caller) {
            const callerLeg = this.open(
                caller,
                'originator',
                'connecting',
                colleague(callee, callee.extension ?? call.to),
                leg
            );
            this.record(caller.id, 'placed', callerLeg.remoteParty, callerLeg.created);
            this.emit(callerLeg, 'created', EVENT_TYPES.dialled);
        }
        this.emit(leg, 'created', EVENT_TYPES.received);
        const timeout = call.ringTimeoutMs !== undefined ? call.ringTimeoutMs : this.world.settings.calls.ringTimeoutMs;
        this.later(leg, timeout, () => this.miss(leg.id));
        return leg;
    }

    /** The far end answers an outgoing call (or the callee's device answers an incoming one). */
    remoteAnswer(callId: string): CallLeg {
        const leg = this.find(callId);
        if (leg.personality === 'terminator' && leg.state === 'alerting') {
            this.answer(this.owner(leg), leg.id);
            return leg;
        }
        if (leg.personality !== 'originator' || leg.state !== 'connecting') throw conflict(leg, 'answer');
        const peer = this.peer(leg);
        if (peer) this.answer(this.owner(peer), peer.id);
        else this.connect(leg, EVENT_TYPES.remoteAnswered);
        return leg;
    }

    /** The caller gives up before anyone answers: the call ends as missed. */
    miss(callId: string): CallLeg {
        const leg = this.find(callId);
        if (leg.personality !== 'terminator' || leg.state !== 'alerting') throw conflict(leg, 'miss');
        this.endSession(leg);
        return leg;
    }

    /** The far end hangs up. */
    remoteHangup(callId: string): CallLeg {
        const leg = this.find(callId);
        this.endSession(leg);
        return leg;
    }

    // ----- transitions ---------------------------------------------------------------------

    private open(
        owner: EmulatedUser,
        personality: CallLeg['personality'],
        state: CallState,
        remoteParty: RemoteParty,
        peer?: CallLeg
    ): CallLeg {
        const used = new Set(this.activeCalls(owner).map((l) => l.appearance));
        let appearance = 1;
        while (used.has(appearance)) appearance += 1;
        const leg: CallLeg = {
            id: webexId('CALL', `callhalf-${digits(9)}:0`),
            callSessionId: peer?.callSessionId ?? Buffer.from(randomUUID()).toString('base64').replace(/=+$/, ''),
            ownerId: owner.id,
            orgId: owner.orgId,
            personality,
            state,
            remoteParty,
            appearance,
            created: new Date().toISOString(),
            muteCapable: false,
            muted: false,
            ...(peer ? { peerId: peer.id } : {})
        };
        if (peer) peer.peerId = leg.id;
        this.legs.push(leg);
        return leg;
    }

    /** The click-to-dial alert was answered: the call is placed and the far end rings. */
    private placeCall(leg: CallLeg): void {
        if (leg.personality !== 'clickToDial' || leg.state !== 'alerting') return;
        leg.personality = 'originator';
        this.move(leg, 'connecting', EVENT_TYPES.deviceAnswered);
        const callee = leg.remoteParty.personId ? this.world.userById(leg.remoteParty.personId) : undefined;
        if (callee) {
            const caller = this.owner(leg);
            const calleeLeg = this.open(
                callee,
                'terminator',
                'alerting',
                colleague(caller, caller.extension ?? caller.emails[0]),
                leg
            );
            this.emit(calleeLeg, 'created', EVENT_TYPES.received);
            this.later(calleeLeg, this.world.settings.calls.ringTimeoutMs, () => this.miss(calleeLeg.id));
        } else {
            this.later(leg, this.world.settings.calls.remoteAnswerAfterMs, () => this.remoteAnswer(leg.id));
        }
    }

    private connect(leg: CallLeg, eventType: string): void {
        this.clearTimers(leg);
        leg.answered = new Date().toISOString();
        leg.muteCapable = true;
        this.move(leg, 'connected', eventType);
    }

    private move(leg: CallLeg, state: CallState, eventType: string): void {
        leg.state = state;
        this.emit(leg, 'updated', eventType);
    }

    /** Ends the leg and the other side's; an incoming call nobody answered is recorded as missed. */
    private endSession(leg: CallLeg): void {
        const peer = this.peer(leg);
        this.end(leg);
        if (peer) this.end(peer);
    }

    private end(leg: CallLeg): void {
        if (leg.state === 'disconnected') return;
        this.clearTimers(leg);
        leg.disconnected = new Date().toISOString();
        leg.muteCapable = false;
        if (leg.personality === 'terminator' && !leg.answered)
            this.record(leg.ownerId, 'missed', leg.remoteParty, leg.disconnected);
        leg.state = 'disconnected';
        this.legs = this.legs.filter((l) => l !== leg);
        this.emit(leg, 'deleted', EVENT_TYPES.disconnected);
    }

    private peer(leg: CallLeg): CallLeg | undefined {
        return leg.peerId ? this.legs.find((l) => l.id === leg.peerId) : undefined;
    }

    private owner(leg: CallLeg): EmulatedUser {
        const user = this.world.userById(leg.ownerId);
        if (!user) throw notFound();
        return user;
    }

    private record(userId: string, type: CallHistoryRecord['type'], party: RemoteParty, time: string): void {
        const records = this.history.get(userId) ?? [];
        records.unshift({
            type,
            ...(party.name ? { name: party.name } : {}),
            ...(party.number ? { number: party.number } : {}),
            privacyEnabled: party.privacyEnabled,
            time
        });
        this.history.set(userId, records);
    }

    private emit(leg: CallLeg, event: 'created' | 'updated' | 'deleted', eventType: string): void {
        this.world.emit({
            resource: 'telephony_calls',
            event,
            actorId: leg.ownerId,
            orgId: leg.orgId,
            audience: [leg.ownerId],
            data: callEventData(leg, eventType)
        });
    }

    /** Runs `step` after `delayMs` (null: never), unless the leg ends first. */
    private later(leg: CallLeg, delayMs: number | null, step: () => void): void {
        if (delayMs === null) return;
        const timer = setTimeout(() => {
            this.timers.get(leg.id)?.delete(timer);
            if (leg.state === 'disconnected') return;
            try {
                step();
            } catch {
                // The call moved on meanwhile (answered, ended): nothing left to do.
            }
        }, delayMs);
        timer.unref();
        const set = this.timers.get(leg.id) ?? new Set();
        set.add(timer);
        this.timers.set(leg.id, set);
    }

    private clearTimers(leg: CallLeg): void {
        for (const timer of this.timers.get(leg.id) ?? []) clearTimeout(timer);
        this.timers.delete(leg.id);
    }
}

/** `tel:+1 (222) 333-4444` → `+12223334444`; `sip:` URIs and emails stay addresses. */
export function normalizeDestination(value: unknown): string {
    if (typeof value !== 'string' || !value.trim()) throw badRequest('destination is required.');
    const bare = value.trim().replace(/^(tel|sip):/i, '');
    if (bare.includes('@')) {
        if (!/^[^\s@]+@[^\s@]+$/.test(bare)) throw badRequest(`${value} is not a valid SIP address.`);
        return bare;
    }
    const compact = bare.replace(/[\s().-]/g, '');
    if (!/^\+?[0-9*#]+$/.test(compact))
        throw badRequest(`${value} is not a number Webex can dial (e.g. 1234, +12223334444, tel:+12223334444, *73).`);
    return compact;
}

/** A colleague as the remote party: name, the number used to reach them, their person id. */
function colleague(person: EmulatedUser, number: string): RemoteParty {
    return { name: person.displayName, number, personId: person.id, privacyEnabled: false, callType: 'location' };
}

function external(number: string): RemoteParty {
    return { number, privacyEnabled: false, callType: number.startsWith('*') ? 'other' : 'external' };
}

/** Webex refuses a command that does not fit the call's state with 400. */
function conflict(leg: CallLeg, action: string): WebexError {
    return badRequest(`Cannot ${action} a call in state ${leg.state}.`);
}
