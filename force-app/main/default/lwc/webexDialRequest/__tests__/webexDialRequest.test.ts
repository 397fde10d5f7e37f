import { publish, subscribe, unsubscribe, type MessageContextType } from 'lightning/messageService';
import {
    DIAL_ANSWER_TIMEOUT_MS,
    answerDialRequests,
    newRequestId,
    requestDial,
    requestedPerson
} from 'c/webexDialRequest';

const mockPublish = jest.mocked(publish);
const mockSubscribe = jest.mocked(subscribe);
const mockUnsubscribe = jest.mocked(unsubscribe);

const CONTEXT = {} as MessageContextType;
const REQUEST = { number: '(312) 296-1607', recordId: '003A', objectApiName: 'Contact', recordName: 'Olivia Martin' };

/** The listener the module subscribed with: what the dialer's answers reach. */
function listener(): (message: unknown) => void {
    return mockSubscribe.mock.calls[0][2] as (message: unknown) => void;
}

describe('c/webexDialRequest', () => {
    beforeEach(() => {
        jest.useFakeTimers();
        mockSubscribe.mockReturnValue({});
    });
    afterEach(() => {
        jest.useRealTimers();
        jest.resetAllMocks();
    });

    it('subscribes first, then publishes the dial request with its id', () => {
        requestDial(CONTEXT, REQUEST, { newRequestId: () => 'R1' }).catch(() => undefined);
        expect(mockSubscribe).toHaveBeenCalledTimes(1);
        expect(mockPublish).toHaveBeenCalledWith(CONTEXT, expect.anything(), {
            type: 'dial',
            requestId: 'R1',
            ...REQUEST
        });
        expect(mockSubscribe.mock.invocationCallOrder[0]).toBeLessThan(mockPublish.mock.invocationCallOrder[0]);
    });

    it('resolves true when the dialer accepts this request, ignoring other messages', async () => {
        const accepted = requestDial(CONTEXT, REQUEST, { newRequestId: () => 'R1' });
        listener()({ type: 'dialAccepted', requestId: 'OTHER' });
        listener()({ type: 'dial', requestId: 'R1' });
        listener()(null);
        listener()({ type: 'dialAccepted', requestId: 'R1' });
        listener()({ type: 'dialAccepted', requestId: 'R1' });
        await expect(accepted).resolves.toBe(true);
        expect(mockUnsubscribe).toHaveBeenCalledTimes(1);
    });

    it('resolves false when no dialer answers within 2 s', async () => {
        const accepted = requestDial(CONTEXT, REQUEST);
        jest.advanceTimersByTime(DIAL_ANSWER_TIMEOUT_MS - 1);
        listener()({ type: 'dialAccepted', requestId: 'not-mine' });
        jest.advanceTimersByTime(1);
        await expect(accepted).resolves.toBe(false);
        expect(mockUnsubscribe).toHaveBeenCalledTimes(1);
    });

    it("fills the dialer with the request's record, named by it or by the number, and no one for a bare number", () => {
        const request = { number: '+13122961607', recordId: '003000000000001AAA', objectApiName: 'Contact' };
        expect(requestedPerson({ ...request, recordName: 'Olivia Martin' })).toEqual({
            recordId: '003000000000001AAA',
            objectApiName: 'Contact',
            name: 'Olivia Martin',
            number: '+13122961607'
        });
        expect(requestedPerson({ ...request, recordName: null })?.name).toBe('+13122961607');
        expect(requestedPerson({ ...request, recordId: null, recordName: null })).toBeNull();
    });

    it('makes ids that differ', () => {
        expect(newRequestId()).not.toEqual(newRequestId());
        expect(newRequestId()).toMatch(/^dial-/);
    });

    describe("the dialer's side", () => {
        const DIAL = { type: 'dial', requestId: 'R1', ...REQUEST };

        async function flush(): Promise<void> {
            await Array.from({ length: 5 }).reduce<Promise<void>>(
                (turn) => turn.then(() => undefined),
                Promise.resolve()
            );
        }

        it('acknowledges a request this tab claims, then hands it over', async () => {
            const claim = jest.fn().mockResolvedValue(true);
            const onRequest = jest.fn();
            answerDialRequests(CONTEXT, { claim, onRequest });
            listener()(DIAL);
            await flush();
            expect(claim).toHaveBeenCalledWith('dial-request:R1');
            expect(mockPublish).toHaveBeenCalledWith(CONTEXT, expect.anything(), {
                type: 'dialAccepted',
                requestId: 'R1'
            });
            expect(onRequest).toHaveBeenCalledWith(REQUEST);
            expect(mockPublish.mock.invocationCallOrder[0]).toBeLessThan(onRequest.mock.invocationCallOrder[0]);
        });

        it('stays quiet about a request another tab claimed, and about other messages', async () => {
            const claim = jest.fn().mockResolvedValue(false);
            const onRequest = jest.fn();
            answerDialRequests(CONTEXT, { claim, onRequest });
            listener()(DIAL);
            listener()({ type: 'dialAccepted', requestId: 'R1' });
            listener()({ ...DIAL, number: '' });
            listener()(null);
            await flush();
            expect(claim).toHaveBeenCalledTimes(1);
            expect(mockPublish).not.toHaveBeenCalled();
            expect(onRequest).not.toHaveBeenCalled();
        });

        it('passes a request without a record on, and stops listening when told', async () => {
            const onRequest = jest.fn();
            const stop = answerDialRequests(CONTEXT, { claim: () => Promise.resolve(true), onRequest });
            listener()({ type: 'dial', requestId: 'R2', number: '+13122961607' });
            await flush();
            expect(onRequest).toHaveBeenCalledWith({
                number: '+13122961607',
                recordId: null,
                objectApiName: null,
                recordName: null
            });
            stop();
            expect(mockUnsubscribe).toHaveBeenCalledTimes(1);
        });
    });
});
