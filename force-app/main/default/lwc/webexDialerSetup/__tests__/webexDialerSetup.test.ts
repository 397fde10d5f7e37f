import { DialerSetup, FIRST_LOAD, type SetupState } from 'c/webexDialerSetup';

const CONNECTION: WebexUserConnection = {
    available: true,
    connected: true,
    displayName: 'Sam Rep',
    email: 'sam.rep@acme-webex.example',
    connectedAt: '2025-03-01T10:00:00Z',
    problem: null
};
const SETTINGS = { backend: 'WebexCalling', connection: CONNECTION } as WebexDialerSettings;

function setup(fetch: () => Promise<WebexDialerSettings>) {
    const states: SetupState[] = [];
    const dialer = new DialerSetup(fetch, (state) => states.push(state));
    return { dialer, states };
}

describe('c/webexDialerSetup', () => {
    it('starts loading, then holds the settings', async () => {
        const { dialer, states } = setup(() => Promise.resolve(SETTINGS));
        expect(dialer.state).toBe(FIRST_LOAD);
        await expect(dialer.load()).resolves.toBe(SETTINGS);
        expect(states.map((state) => state.loading)).toEqual([true, false]);
        expect(dialer.state).toEqual({ settings: SETTINGS, loading: false, loadError: null, justDisconnected: false });
    });

    it('says why the settings could not be loaded, keeps what it had, and clears the reason on a new try', async () => {
        const fetch = jest.fn<Promise<WebexDialerSettings>, []>().mockResolvedValueOnce(SETTINGS);
        const { dialer, states } = setup(fetch);
        await dialer.load();
        fetch.mockRejectedValueOnce({
            status: 500,
            body: { message: JSON.stringify({ code: 'UNEXPECTED', message: 'Salesforce is busy.' }) }
        });
        await expect(dialer.load()).resolves.toBeNull();
        expect(dialer.state).toMatchObject({ settings: SETTINGS, loading: false, loadError: 'Salesforce is busy.' });
        fetch.mockResolvedValueOnce(SETTINGS);
        const again = dialer.load();
        expect(states[states.length - 1]).toMatchObject({ loading: true, loadError: null });
        await again;
        expect(dialer.state.loadError).toBeNull();
    });

    it('asks for a new load once the connection works, and not before', async () => {
        const lost = { ...CONNECTION, connected: false, problem: 'Your Webex sign-in expired.' };
        const { dialer } = setup(() => Promise.resolve({ ...SETTINGS, connection: lost }));
        expect(dialer.connectionChanged(CONNECTION)).toBe(false);
        await dialer.load();
        expect(dialer.connectionChanged(null)).toBe(false);
        expect(dialer.connectionChanged({ ...lost, problem: null })).toBe(false);
        expect(dialer.state.settings?.connection).toEqual({ ...lost, problem: null });
        expect(dialer.state.justDisconnected).toBe(false);
        expect(dialer.connectionChanged(CONNECTION)).toBe(true);
        expect(dialer.state.settings?.connection).toBe(CONNECTION);
    });

    it('dials on with a connection that only lacks messaging scopes, and not with a broken one', async () => {
        const { dialer } = setup(() => Promise.resolve(SETTINGS));
        await dialer.load();
        expect(
            dialer.connectionChanged({
                ...CONNECTION,
                problem: 'Reconnect Webex to use chat and spaces.',
                problemCode: 'scopes'
            })
        ).toBe(true);
        expect(dialer.connectionChanged({ ...CONNECTION, problem: 'Your Webex sign-in expired.' })).toBe(false);
    });

    it('says the rep disconnected from the account line', async () => {
        const { dialer } = setup(() => Promise.resolve(SETTINGS));
        await dialer.load();
        expect(dialer.connectionChanged({ ...CONNECTION, connected: false })).toBe(false);
        expect(dialer.state.justDisconnected).toBe(true);
    });

    it('brings the connect card back when a call finds the connection broken', async () => {
        const { dialer } = setup(() => Promise.resolve(SETTINGS));
        dialer.connectionLost('Connect Webex again.');
        expect(dialer.state.settings).toBeNull();
        await dialer.load();
        dialer.connectionLost('Connect Webex again.');
        expect(dialer.state.settings?.connection).toEqual({
            ...CONNECTION,
            connected: false,
            problem: 'Connect Webex again.'
        });
    });
});
