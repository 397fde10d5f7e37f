import { CallPlacement, NOT_PLACING, type PlacementState } from 'c/webexCallPlacement';
import type { DialOptions } from 'c/webexCallSession';

const WAIT = { secondsLeft: 2, attempt: 1, maxAttempts: 3 };

function placement(dial: (destination: string, options: DialOptions) => Promise<WebexDialResult | null>) {
    const states: PlacementState[] = [];
    const openLink = jest.fn();
    const placer = new CallPlacement({ dial, onChange: (state) => states.push(state), openLink });
    return { placer, states, openLink };
}

describe('c/webexCallPlacement', () => {
    it('dials on Webex Calling, counting down while Webex rate-limits, and gives the call id', async () => {
        const { placer, states, openLink } = placement(async (destination, options) => {
            options.onWait?.(WAIT);
            options.onWait?.(null);
            return { callId: `call-to-${destination}`, callSessionId: null };
        });
        expect(placer.state).toBe(NOT_PLACING);
        await expect(placer.place('+13122961607', false)).resolves.toBe('call-to-+13122961607');
        expect(states.map((state) => state.retryWait)).toEqual([WAIT, null, null]);
        expect(openLink).not.toHaveBeenCalled();
        expect(placer.state.appCall).toBeNull();
    });

    it('gives no call id when no call started, and passes a refusal on with the countdown gone', async () => {
        const { placer } = placement(async () => null);
        await expect(placer.place('+13122961607', false)).resolves.toBeNull();
        const refusal = new Error('Webex is unavailable.');
        const refused = placement(async (_destination, options) => {
            options.onWait?.(WAIT);
            throw refusal;
        });
        await expect(refused.placer.place('+13122961607', false)).rejects.toBe(refusal);
        expect(refused.placer.state.retryWait).toBeNull();
    });

    it('hands the number to the Webex app through tel: and keeps the app call until it is over', async () => {
        const dial = jest.fn();
        const { placer, openLink } = placement(dial);
        const callId = await placer.place('+13122961607;ext=415', true);
        expect(openLink).toHaveBeenCalledWith('tel:+13122961607;ext=415');
        expect(dial).not.toHaveBeenCalled();
        expect(callId).toMatch(/^app-/);
        expect(placer.state.appCall).toEqual({ callId, number: '+13122961607;ext=415' });
        placer.forgetAppCall();
        expect(placer.state.appCall).toBeNull();
    });

    it('opens the tel: link in this window by default', async () => {
        const open = jest.spyOn(window, 'open').mockImplementation(() => null);
        const placer = new CallPlacement({ dial: jest.fn(), onChange: () => undefined });
        await placer.place('+13122961607', true);
        expect(open).toHaveBeenCalledWith('tel:+13122961607', '_self');
        open.mockRestore();
    });
});
