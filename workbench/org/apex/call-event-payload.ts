/**
 * The emulated org's WebexCallEventPayload (classes/calling/WebexCallEventPayload.cls): one call
 * transition as the dialer receives it, built from a `telephony_calls` webhook's untrusted `data` with
 * the same rules (IDs and numbers kept only with their expected characters, names cleaned and cut,
 * dates re-written from a parsed date-time, `muteCapable` kept only as a boolean).
 */
import type { WebexWebhookEvent } from '../site/webhook-handlers.ts';

export const MAX_ID_LENGTH = 255;
export const MAX_NUMBER_LENGTH = 128;
export const MAX_NAME_LENGTH = 100;
export const PERSONALITIES = new Set(['originator', 'terminator', 'clickToDial']);

const ID_PATTERN = /^[A-Za-z0-9+/=_:.-]+$/;
const NUMBER_PATTERN = /^[A-Za-z0-9+*#@._:-]+$/;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A date-time Webex wrote, or null (WebexCallEventPayload.dateTimeOf). */
export function dateTimeOf(value: unknown): Date | null {
    if (typeof value !== 'string' || !ISO_8601.test(value)) return null;
    const time = Date.parse(value);
    return Number.isNaN(time) ? null : new Date(time);
}

function matching(value: unknown, allowed: RegExp, maxLength: number): string | null {
    if (typeof value !== 'string') return null;
    const text = value.trim();
    return text.length > 0 && text.length <= maxLength && allowed.test(text) ? text : null;
}

function name(value: unknown): string | null {
    if (typeof value !== 'string') return null;
    const text = value
        .replace(/[\u0000-\u001f\u007f]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, MAX_NAME_LENGTH);
    return text || null;
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** WebexCallEventPayload.of: the payload of one transition, or null without a usable call id or personality. */
export function callEventPayload(
    event: WebexWebhookEvent,
    state: WebexCallEventPayload['state']
): WebexCallEventPayload | null {
    const data = event.data;
    const callId = matching(data.callId, ID_PATTERN, MAX_ID_LENGTH);
    const personality = data.personality;
    if (!callId || typeof personality !== 'string' || !PERSONALITIES.has(personality)) return null;
    const remoteParty =
        typeof data.remoteParty === 'object' && data.remoteParty !== null && !Array.isArray(data.remoteParty)
            ? (data.remoteParty as Record<string, unknown>)
            : {};
    return {
        callId,
        callSessionId: matching(data.callSessionId, ID_PATTERN, MAX_ID_LENGTH),
        state,
        personality: personality as WebexCallEventPayload['personality'],
        remoteNumber: matching(remoteParty.number, NUMBER_PATTERN, MAX_NUMBER_LENGTH),
        remoteName: name(remoteParty.name),
        created: iso(dateTimeOf(data.created)),
        answered: iso(dateTimeOf(data.answered)),
        disconnected: iso(dateTimeOf(data.disconnected)),
        eventTimestamp: (dateTimeOf(data.eventTimestamp) ?? new Date()).toISOString(),
        muteCapable: typeof data.muteCapable === 'boolean' ? data.muteCapable : null
    };
}
