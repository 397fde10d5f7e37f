import { publish, subscribe, unsubscribe, type MessageContextType } from 'lightning/messageService';
import { DIAL_ANSWER_TIMEOUT_MS, newRequestId, requestDial } from 'c/webexDialRequest';

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

    it('makes ids that differ', () => {
        expect(newRequestId()).not.toEqual(newRequestId());
        expect(newRequestId()).toMatch(/^dial-/);
    });
});
