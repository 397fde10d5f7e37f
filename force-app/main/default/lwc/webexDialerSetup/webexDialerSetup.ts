/**
 * The dialer's settings (`WebexCallController.getDialerSettings`, once per load) and the rep's Webex
 * connection in them, which the connection card (c-webex-user-connect) and the calls keep up to date.
 *
 * - Loading says so; a load that fails says why, and the panel offers Retry.
 * - A connection that works again (connected, no problem but messaging's scopes) calls for a new load: the dialer
 *   can dial now.
 * - A rep who disconnects from the account line sees the connect card say so (`justDisconnected`).
 * - A call that finds the connection broken (`NOT_CONNECTED`) brings the connect card back with the reason.
 */
import { worksForCalling } from 'c/webexConnectionScopes';
import { toWebexError } from 'c/webexErrors';

/** What the panel shows of its settings. */
export interface SetupState {
    settings: WebexDialerSettings | null;
    loading: boolean;
    loadError: string | null;
    /** The rep disconnected from the account line: the connect card that follows says so. */
    justDisconnected: boolean;
}

export const FIRST_LOAD: SetupState = Object.freeze({
    settings: null,
    loading: true,
    loadError: null,
    justDisconnected: false
});

/** One dialer's settings. */
export class DialerSetup {
    private current: SetupState = FIRST_LOAD;
    private readonly fetch: () => Promise<WebexDialerSettings>;
    private readonly onChange: (state: SetupState) => void;

    constructor(fetch: () => Promise<WebexDialerSettings>, onChange: (state: SetupState) => void) {
        this.fetch = fetch;
        this.onChange = onChange;
    }

    get state(): SetupState {
        return this.current;
    }

    /** Loads the settings (again); resolves with them, or null when they could not be loaded (`loadError`). */
    async load(): Promise<WebexDialerSettings | null> {
        this.update({ loading: true, loadError: null });
        try {
            const settings = await this.fetch();
            this.update({ settings, loading: false });
            return settings;
        } catch (error) {
            this.update({ loading: false, loadError: toWebexError(error).message });
            return null;
        }
    }

    /** The connection card learned the rep's connection; true when it works now, and the settings need a new load. */
    connectionChanged(connection: WebexUserConnection | null | undefined): boolean {
        const settings = this.current.settings;
        if (!settings || !connection) return false;
        const justDisconnected = Boolean(settings.connection?.connected) && !connection.connected;
        this.update({ settings: { ...settings, connection }, justDisconnected });
        return worksForCalling(connection);
    }

    /** A call found the connection broken: the connect card comes back and says `problem`. */
    connectionLost(problem: string): void {
        const settings = this.current.settings;
        if (!settings) return;
        this.update({ settings: { ...settings, connection: { ...settings.connection, connected: false, problem } } });
    }

    private update(change: Partial<SetupState>): void {
        this.current = { ...this.current, ...change };
        this.onChange(this.current);
    }
}
