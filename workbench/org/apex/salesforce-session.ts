/**
 * The emulated org's WebexSalesforceSession (classes/admin/WebexSalesforceSession.cls), and the rows of
 * WebexSetupStore (classes/shared/WebexSetupStore.cls): the access token the package calls the org's APIs
 * with, cached in the protected setting (`org.credentials`, WebexSalesforceAuthStore's row
 * `SalesforceAccessToken`: SALESFORCE_ROWS.accessToken) for 15 minutes from its `issued_at`, bound to the
 * authorization it was issued under, traded for the refresh token only when none is valid (or when asked,
 * after a 401), and stored only once the caller is done calling out.
 * One `SalesforceSession` stands for one Apex transaction: its statics.
 */
import { AuraHandledError } from '../apex-error.ts';
import type { EmulatedOrg } from '../org-state.ts';
import { SALESFORCE_ROWS, readAuthorization } from './salesforce-auth.ts';
import { SalesforceCallout } from './salesforce-client.ts';

/** WebexSetupStore's rows. */
export const SETUP_ROWS = {
    siteUrl: 'WebhookSiteUrl',
    channel: 'CallEventChannel'
} as const;

/** WebexSalesforceSession.TOKEN_REUSE_MINUTES: the shortest session timeout Salesforce offers. */
export const TOKEN_REUSE_MINUTES = 15;
const REUSE_MS = TOKEN_REUSE_MINUTES * 60 * 1000;

interface TokenToStore {
    accessToken: string;
    expiresAt: string;
    authorizedAt: string | undefined;
}

/** WebexSetupStore.saveWebhookSiteUrl / saveCallEventChannelId: written only when it changed. */
export function saveSetupValue(org: EmulatedOrg, row: string, value: string | null | undefined): boolean {
    if (!value?.trim() || org.credentials.get(row)?.secret === value) return false;
    org.credentials.set(row, { secret: value, verifiedAt: new Date().toISOString() });
    return true;
}

/** One transaction's access token (WebexSalesforceSession). */
export class SalesforceSession {
    private readonly org: EmulatedOrg;
    private current: string | null = null;
    private fromCache = false;
    private toStore: TokenToStore | null = null;
    private rotated: string | null = null;

    constructor(org: EmulatedOrg) {
        this.org = org;
    }

    private requireAuthorization() {
        const authorization = readAuthorization(this.org);
        if (!authorization)
            throw new AuraHandledError('NOT_AUTHORIZED', this.org.label('WebexSfAuth_ErrorNotAuthorized'));
        return authorization;
    }

    /** WebexSalesforceSession.accessToken: this transaction's, the cached one while valid, else a new one. */
    async accessToken(): Promise<string> {
        const authorization = this.requireAuthorization();
        if (this.current) return this.current;
        const cached = this.org.credentials.get(SALESFORCE_ROWS.accessToken);
        if (
            cached?.secret &&
            cached.expiresAt &&
            Date.parse(cached.expiresAt) > Date.now() &&
            cached.verifiedAt === authorization.stored.verifiedAt
        ) {
            this.current = cached.secret;
            this.fromCache = true;
            return this.current;
        }
        return this.refresh();
    }

    /** WebexSalesforceSession.refreshedAccessToken: a new token, whatever is cached. */
    async refreshedAccessToken(): Promise<string> {
        this.requireAuthorization();
        return this.refresh();
    }

    /** WebexSalesforceSession.isCached. */
    isCached(token: string): boolean {
        return this.fromCache && token === this.current;
    }

    /** WebexSalesforceSession.saveRefreshedToken: after the transaction's last callout. */
    saveRefreshedToken(): void {
        if (this.rotated) {
            const row = this.org.credentials.get(SALESFORCE_ROWS.refreshToken);
            if (row) this.org.credentials.set(SALESFORCE_ROWS.refreshToken, { ...row, secret: this.rotated });
        }
        if (this.toStore)
            this.org.credentials.set(SALESFORCE_ROWS.accessToken, {
                secret: this.toStore.accessToken,
                expiresAt: this.toStore.expiresAt,
                verifiedAt: this.toStore.authorizedAt
            });
        this.toStore = null;
        this.rotated = null;
    }

    private async refresh(): Promise<string> {
        const authorization = this.requireAuthorization();
        const answer = await new SalesforceCallout(this.org).postOAuthForm('/services/oauth2/token', {
            grant_type: 'refresh_token',
            refresh_token: authorization.refreshToken,
            client_id: authorization.consumerKey,
            client_secret: authorization.consumerSecret
        });
        const token = answer.success && typeof answer.body.access_token === 'string' ? answer.body.access_token : '';
        if (!token) throw new AuraHandledError('NOT_AUTHORIZED', this.org.label('WebexSfAuth_ErrorExpired'));
        this.current = token;
        this.fromCache = false;
        this.toStore = {
            accessToken: token,
            expiresAt: new Date(issuedAt(answer.body.issued_at) + REUSE_MS).toISOString(),
            authorizedAt: authorization.stored.verifiedAt
        };
        const refreshToken = answer.body.refresh_token;
        if (typeof refreshToken === 'string' && refreshToken !== authorization.refreshToken)
            this.rotated = refreshToken;
        return token;
    }
}

/** `issued_at` (milliseconds, as a string) when it is a plausible time, else now. */
function issuedAt(value: unknown): number {
    const now = Date.now();
    const at = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
    return Number.isNaN(at) || at > now || at < now - REUSE_MS ? now : at;
}

/** WebexSalesforceSession.forget: the authorization was revoked. */
export function forgetSalesforceSession(org: EmulatedOrg): void {
    org.credentials.delete(SALESFORCE_ROWS.accessToken);
}
