/**
 * Asks the Webex dialer (the utility item) to dial, over the Lightning message channel `WebexCalling__c`
 * (docs/calling.md): publishes `{ type: 'dial', requestId, number, recordId, objectApiName, recordName }`
 * and waits for the dialer's `{ type: 'dialAccepted', requestId }`. Only the dialer dials, retries on 429
 * and opens the call log; the caller learns whether a dialer is there to do it.
 *
 * The subscription is made before the request is published, so an answer cannot come before anyone
 * listens; it is dropped as soon as the answer comes or the wait is over.
 *
 * The dialer's side is `answerDialRequests`: every open dialer (one a browser tab) hears the request; the
 * tab that claims it (`c/webexCallClaim`, the same claim as calls) acknowledges it and dials.
 */
import { APPLICATION_SCOPE, publish, subscribe, unsubscribe, type MessageContextType } from 'lightning/messageService';
import WEBEX_CALLING from '@salesforce/messageChannel/WebexCalling__c';
import type { ChosenPerson } from 'c/webexDialerEntry';

/** How long the dialer has to answer (docs/calling.md: 2 s). */
export const DIAL_ANSWER_TIMEOUT_MS = 2000;

/** What to dial, and the record it is dialled from. */
export interface DialRequest {
    /**
     * The number to dial: for a record's number, its E.164 form in the record's country (`numberToDial` of
     * c/webexPhoneNumber), since the dialer reads a national number in the rep's country.
     */
    number: string;
    recordId: string | null;
    objectApiName: string | null;
    recordName: string | null;
}

export interface DialRequestOptions {
    /** Default 2 s. */
    timeoutMs?: number;
    /** A fresh request id (tests pass their own). */
    newRequestId?: () => string;
}

/** An id that pairs one request with its answer: unique enough within one browser session. */
export function newRequestId(): string {
    return `dial-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Publishes the dial request and resolves `true` when a dialer accepts it, `false` when none answers in
 * time. Never rejects.
 */
export function requestDial(
    context: MessageContextType,
    request: DialRequest,
    options: DialRequestOptions = {}
): Promise<boolean> {
    const requestId = (options.newRequestId ?? newRequestId)();
    return new Promise((resolve) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        let settled = false;
        const subscription = subscribe<WebexCallingMessage>(
            context,
            WEBEX_CALLING,
            (message) => {
                if (message?.type === 'dialAccepted' && message.requestId === requestId) finish(true);
            },
            { scope: APPLICATION_SCOPE }
        );
        function finish(accepted: boolean): void {
            if (settled) return;
            settled = true;
            if (timer !== undefined) clearTimeout(timer);
            unsubscribe(subscription);
            resolve(accepted);
        }
        // The wait for an answer that may never come: no dialer on the page is the case it exists for.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        timer = setTimeout(() => finish(false), options.timeoutMs ?? DIAL_ANSWER_TIMEOUT_MS);
        const message: WebexCallingMessage = { type: 'dial', requestId, ...request };
        publish(context, WEBEX_CALLING, message);
    });
}

/** The record a request dials, as the dialer's chosen person; none for a bare number. */
export function requestedPerson(request: DialRequest): ChosenPerson | null {
    const { number, recordId, objectApiName, recordName } = request;
    return recordId ? { recordId, objectApiName, name: recordName ?? number, number } : null;
}

export interface DialRequestAnswerOptions {
    /** Claims `key` for this tab; resolves whether this tab won (`CallClaims.claim`). */
    claim: (key: string) => Promise<boolean>;
    /** The request this tab won, already acknowledged. */
    onRequest: (request: DialRequest) => void;
}

/**
 * Listens for dial requests on behalf of one dialer: a request this tab claims is acknowledged
 * (`dialAccepted`, so Make a Call knows a dialer took it) and handed to `onRequest`. Other messages, and
 * requests another tab claimed, are ignored. Returns the function that stops listening.
 */
export function answerDialRequests(context: MessageContextType, options: DialRequestAnswerOptions): () => void {
    async function answer(message: WebexCallingMessage | null | undefined): Promise<void> {
        if (message?.type !== 'dial' || !message.requestId || !message.number) return;
        if (!(await options.claim(`dial-request:${message.requestId}`))) return;
        const accepted: WebexCallingMessage = { type: 'dialAccepted', requestId: message.requestId };
        publish(context, WEBEX_CALLING, accepted);
        options.onRequest({
            number: message.number,
            recordId: message.recordId ?? null,
            objectApiName: message.objectApiName ?? null,
            recordName: message.recordName ?? null
        });
    }
    const subscription = subscribe<WebexCallingMessage>(
        context,
        WEBEX_CALLING,
        (message) => {
            answer(message);
        },
        { scope: APPLICATION_SCOPE }
    );
    return () => unsubscribe(subscription);
}
