/**
 * The emulated org's WebexCallController and the services behind it (classes/calling/: WebexCallingClient,
 * WebexCallControlService, WebexCallHistoryService, WebexDialerSettings, and call-people.ts for search,
 * caller matching and record numbers): the same rules and messages as the Apex, held to the same typed
 * contract (types/apex.d.ts). Call control goes to the Webex emulator with the signed-in user's own token,
 * one request per action.
 */
import type answer from '@salesforce/apex/WebexCallController.answer';
import type dial from '@salesforce/apex/WebexCallController.dial';
import type getCallHistory from '@salesforce/apex/WebexCallController.getCallHistory';
import type getDialerSettings from '@salesforce/apex/WebexCallController.getDialerSettings';
import type getRecordPhones from '@salesforce/apex/WebexCallController.getRecordPhones';
import type hangup from '@salesforce/apex/WebexCallController.hangup';
import type hold from '@salesforce/apex/WebexCallController.hold';
import type matchCaller from '@salesforce/apex/WebexCallController.matchCaller';
import type mute from '@salesforce/apex/WebexCallController.mute';
import type reject from '@salesforce/apex/WebexCallController.reject';
import type resume from '@salesforce/apex/WebexCallController.resume';
import type searchPeople from '@salesforce/apex/WebexCallController.searchPeople';
import type unmute from '@salesforce/apex/WebexCallController.unmute';
import { AuraHandledError } from '../apex-error.ts';
import type { EmulatedOrg } from '../org-state.ts';
import { phoneNumbers } from '../phone-numbers.ts';
import { describeObject } from '../records.ts';
import { WebexCallout } from '../webex-callout.ts';
import { CALL_EVENT_CHANNEL } from './call-event-channel.ts';
import { createCallPeople, userCountry } from './call-people.ts';
import { callingBackend, relatedObjects, type CallLogDirection } from './calling-settings.ts';
import { accessTokenForCurrentUser, connectionForCurrentUser, saveRefreshed } from './user-tokens.ts';

export interface WebexCallControllerApi {
    getDialerSettings: typeof getDialerSettings;
    dial: typeof dial;
    answer: typeof answer;
    reject: typeof reject;
    hangup: typeof hangup;
    hold: typeof hold;
    resume: typeof resume;
    mute: typeof mute;
    unmute: typeof unmute;
    getCallHistory: typeof getCallHistory;
    searchPeople: typeof searchPeople;
    matchCaller: typeof matchCaller;
    getRecordPhones: typeof getRecordPhones;
}

/** As WebexCallControlService. */
export const MAX_CALL_ID_LENGTH = 512;
export const MAX_DESTINATION_LENGTH = 255;
const CALL_ID = /^[A-Za-z0-9+/=_.:-]+$/;
const SIP_ADDRESS = /^sips?:[^\s@<>"]+@[^\s@<>"]+$/i;
const EXTENSION = /^[0-9]{2,10}$/;
const HISTORY_TYPES = ['placed', 'received', 'missed'] as const;

type CallAction = 'answer' | 'reject' | 'hangup' | 'hold' | 'resume' | 'mute' | 'unmute';

export function createWebexCallController(org: EmulatedOrg): WebexCallControllerApi {
    const failure = (code: WebexErrorCode, label: string, ...args: Array<string | number>): AuraHandledError =>
        new AuraHandledError(code, org.label(label, ...args));

    const featureOn = (feature: WebexFeature): boolean => {
        const profileId = org.records.get(org.user.id)?.ProfileId;
        return org.featureAccess.isEnabled(feature, org.user.id, typeof profileId === 'string' ? profileId : null);
    };

    /** WebexCallingClient.requireWebexCalling. */
    const requireWebexCalling = (): void => {
        if (callingBackend(org) !== 'WebexCalling')
            throw failure('UNSUPPORTED_BACKEND', 'WebexCall_UnsupportedBackend');
    };

    /** WebexCallingClient.send: the user's own token, and what its refusals mean for a rep. */
    const send = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
        const token = await accessTokenForCurrentUser(org);
        let answer: T;
        try {
            answer = await new WebexCallout(org, token).send<T>(method, path, body);
        } catch (error) {
            if (!(error instanceof AuraHandledError)) throw error;
            if (error.payload.code === 'INVALID_TOKEN') throw failure('NOT_CONNECTED', 'WebexCall_Reconnect');
            if (error.payload.code === 'FORBIDDEN') throw failure('FORBIDDEN', 'WebexCall_Forbidden');
            throw error;
        }
        // Last, as WebexUserTokens asks: a token refreshed for this request is stored after the callout.
        saveRefreshed(org);
        return answer;
    };

    /** WebexCallControlService.destinationFor. */
    const destinationFor = async (destination: unknown): Promise<string> => {
        const text = typeof destination === 'string' ? destination.trim() : '';
        if (!text) throw failure('INVALID_INPUT', 'WebexCall_DestinationRequired');
        if (text.length > MAX_DESTINATION_LENGTH)
            throw failure('INVALID_INPUT', 'WebexCall_InvalidDestination', `${text.slice(0, 40)}…`);
        if (SIP_ADDRESS.test(text)) return text;
        const reading = (await phoneNumbers()).normalizeToE164(text, await userCountry(org));
        if (reading) return reading.e164;
        if (EXTENSION.test(text)) return text;
        throw failure('INVALID_INPUT', 'WebexCall_InvalidDestination', text);
    };

    /** WebexCallControlService.requireCallId. */
    const requireCallId = (callId: unknown): string => {
        const id = typeof callId === 'string' ? callId.trim() : '';
        if (!id || id.length > MAX_CALL_ID_LENGTH || !CALL_ID.test(id))
            throw failure('INVALID_INPUT', 'WebexError_InvalidInput', 'callId');
        return id;
    };

    const command = (action: CallAction) => async (params: { callId: string }) => {
        requireWebexCalling();
        const callId = requireCallId(params?.callId);
        try {
            await send<void>('POST', `/telephony/calls/${action}`, { callId });
        } catch (error) {
            if (error instanceof AuraHandledError && error.payload.code === 'NOT_FOUND')
                throw failure('NOT_FOUND', 'WebexCall_CallEnded');
            throw error;
        }
    };

    const direction = (feature: WebexFeature, logDirection: CallLogDirection): WebexCallLogDirection => ({
        enabled: featureOn(feature),
        relatedObjects: relatedObjects(org, logDirection).map((apiName) => ({
            apiName,
            label: describeObject(apiName)?.label[org.user.language] ?? apiName
        }))
    });

    const people = createCallPeople(org);

    return {
        getDialerSettings: async () => ({
            connection: connectionForCurrentUser(org),
            backend: callingBackend(org),
            outboundLog: direction('OutboundCallLog', 'Outbound'),
            inboundLog: direction('InboundCallLog', 'Inbound'),
            callHistoryEnabled: featureOn('CallHistory'),
            searchObjects: org.peopleSearch.objectsFor('Dialer'),
            eventChannel: CALL_EVENT_CHANNEL,
            userId: org.user.id,
            defaultCountry: await userCountry(org)
        }),

        dial: async ({ destination }) => {
            requireWebexCalling();
            const checked = await destinationFor(destination);
            let answer: { callId?: unknown; callSessionId?: unknown } | undefined;
            try {
                answer = await send('POST', '/telephony/calls/dial', { destination: checked });
            } catch (error) {
                if (error instanceof AuraHandledError && error.payload.code === 'NOT_FOUND')
                    throw failure('NOT_FOUND', 'WebexCall_Forbidden');
                throw error;
            }
            if (typeof answer?.callId !== 'string' || !answer.callId)
                throw failure('UNEXPECTED', 'WebexError_Unexpected', 201);
            return {
                callId: answer.callId,
                callSessionId: typeof answer.callSessionId === 'string' ? answer.callSessionId : null
            };
        },
        answer: command('answer'),
        reject: command('reject'),
        hangup: command('hangup'),
        hold: command('hold'),
        resume: command('resume'),
        mute: command('mute'),
        unmute: command('unmute'),

        getCallHistory: async ({ historyType }) => {
            if (historyType !== null && historyType !== undefined && !HISTORY_TYPES.includes(historyType))
                throw failure('INVALID_INPUT', 'WebexError_InvalidInput', 'historyType (placed, received, missed)');
            if (!featureOn('CallHistory')) throw failure('FORBIDDEN', 'WebexCall_HistoryOff');
            requireWebexCalling();
            const answer = await send<{ items?: unknown[] }>(
                'GET',
                `/telephony/calls/history${historyType ? `?type=${historyType}` : ''}`
            );
            const entries: WebexCallHistoryEntry[] = [];
            for (const item of answer?.items ?? []) {
                if (!item || typeof item !== 'object') continue;
                const fields = item as Record<string, unknown>;
                const type = typeof fields.type === 'string' ? fields.type.toLowerCase() : '';
                const time = typeof fields.time === 'string' ? fields.time : '';
                if (!(HISTORY_TYPES as readonly string[]).includes(type) || !time) continue;
                const text = (value: unknown): string | null =>
                    typeof value === 'string' && value.trim() ? value : null;
                entries.push({
                    type: type as WebexCallHistoryEntry['type'],
                    name: text(fields.name),
                    number: text(fields.number),
                    privacyEnabled: fields.privacyEnabled === true,
                    time
                });
            }
            return entries.sort((a, b) => b.time.localeCompare(a.time));
        },

        searchPeople: ({ searchTerm }) => people.searchPeople(searchTerm),
        matchCaller: ({ phoneNumber }) => people.matchCaller(phoneNumber),
        getRecordPhones: ({ recordId }) => people.getRecordPhones(recordId)
    };
}
