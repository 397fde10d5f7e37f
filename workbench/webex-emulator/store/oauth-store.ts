/**
 * The OAuth side of Webex integrations: registered clients, one-time authorization codes, and the
 * access and refresh tokens they turn into (lifetimes as Webex documents them: 14 and 90 days).
 */
import { alphanumericToken, opaqueToken, uuidOf } from '../ids.ts';
import { readSeed } from '../seed.ts';
import type { EmulatedUser } from '../state.ts';

export const ACCESS_TOKEN_SECONDS = 1_209_600;
export const REFRESH_TOKEN_SECONDS = 7_776_000;
const CODE_SECONDS = 300;

/** An integration registered on the developer portal. */
export interface Integration {
    name: string;
    clientId: string;
    clientSecret: string;
    redirectUris: string[];
    scopes: string[];
}

interface AuthorizationCode {
    clientId: string;
    redirectUri: string;
    userId: string;
    scopes: string[];
    expiresAt: number;
    used: boolean;
}

/** A token the emulator issued: who it acts as, for which client, with which scopes, until when. */
export interface IssuedToken {
    kind: 'access' | 'refresh';
    clientId: string;
    userId: string;
    scopes: string[];
    expiresAt: number;
}

/** The token endpoint's success body, as Webex answers it. */
export interface TokenResponse {
    access_token: string;
    expires_in: number;
    refresh_token: string;
    refresh_token_expires_in: number;
    token_type: 'Bearer';
    scope: string;
}

/** An OAuth error: `error` is the RFC 6749 code (`invalid_grant`, `invalid_client`, ...). */
export interface OAuthFailure {
    status: number;
    error: string;
    description: string;
}

/** The seeded integration the workbench's "Webex integration for users" uses (seed/integrations.json). */
export const WORKBENCH_INTEGRATION = 'Webex for Salesforce (workbench)';

export class OAuthStore {
    integrations: Integration[] = [];
    /**
     * Redirect URIs added to an integration after the seed (by client ID), as a developer adds them on
     * developer.webex.com: the workbench registers its own callback page when it starts, on a port known
     * only then. A reset keeps them, as it keeps the server's port.
     */
    private readonly addedRedirectUris = new Map<string, Set<string>>();
    private codes = new Map<string, AuthorizationCode>();
    private tokens = new Map<string, IssuedToken>();
    private readonly users: () => EmulatedUser[];

    constructor(users: () => EmulatedUser[]) {
        this.users = users;
    }

    reset(): void {
        this.integrations = readSeed<Integration[]>('integrations.json');
        for (const integration of this.integrations) this.applyAddedRedirectUris(integration);
        this.codes.clear();
        this.tokens.clear();
    }

    integration(clientId: string | undefined): Integration | undefined {
        return this.integrations.find((i) => i.clientId === clientId);
    }

    /** Adds redirect URIs to a registered integration, kept across resets; false when the client is unknown. */
    addRedirectUris(clientId: string, redirectUris: string[]): boolean {
        const integration = this.integration(clientId);
        if (!integration) return false;
        const added = this.addedRedirectUris.get(clientId) ?? new Set<string>();
        for (const uri of redirectUris) added.add(uri);
        this.addedRedirectUris.set(clientId, added);
        this.applyAddedRedirectUris(integration);
        return true;
    }

    /**
     * A redirect URI must be one the integration registered, character for character, as on Webex:
     * a local harness registers its own (addRedirectUris) like any other client.
     */
    redirectAllowed(integration: Integration, redirectUri: string): boolean {
        return integration.redirectUris.includes(redirectUri);
    }

    /** The people who can sign in on the authorize page (bots and people only invited cannot), in seed order. */
    signInCandidates(): EmulatedUser[] {
        return this.users().filter((u) => u.type !== 'bot' && !u.invitePending);
    }

    /** The person who signs in with this email, or undefined (unknown, or a bot). */
    signingInUser(email: string): EmulatedUser | undefined {
        const wanted = email.trim().toLowerCase();
        if (!wanted) return undefined;
        return this.signInCandidates().find((u) => u.emails.some((e) => e.toLowerCase() === wanted));
    }

    issueCode(clientId: string, redirectUri: string, user: EmulatedUser, scopes: string[]): string {
        const code = opaqueToken(24);
        this.codes.set(code, {
            clientId,
            redirectUri,
            userId: user.id,
            scopes,
            expiresAt: Date.now() + CODE_SECONDS * 1000,
            used: false
        });
        return code;
    }

    /** `grant_type=authorization_code`: a code is good once, for the client and redirect URI it was issued to. */
    exchangeCode(form: Record<string, string>): TokenResponse | OAuthFailure {
        const client = this.authenticateClient(form);
        if ('error' in client) return client;
        const code = this.codes.get(form.code ?? '');
        if (!code || code.used || code.expiresAt < Date.now() || code.clientId !== client.clientId)
            return invalidGrant('The authorization code is invalid, expired or already used.');
        if (code.redirectUri !== form.redirect_uri)
            return invalidGrant('redirect_uri does not match the one of the authorization request.');
        code.used = true;
        const refreshToken = this.mint('refresh', code.clientId, code.userId, code.scopes);
        return this.respond(code.clientId, code.userId, code.scopes, refreshToken);
    }

    /** `grant_type=refresh_token`: a new access token; the refresh token stays and its 90 days start again. */
    refresh(form: Record<string, string>): TokenResponse | OAuthFailure {
        const client = this.authenticateClient(form);
        if ('error' in client) return client;
        const refresh = this.tokens.get(form.refresh_token ?? '');
        if (
            !refresh ||
            refresh.kind !== 'refresh' ||
            refresh.expiresAt < Date.now() ||
            refresh.clientId !== client.clientId
        )
            return invalidGrant('The refresh token is invalid or expired.');
        refresh.expiresAt = Date.now() + REFRESH_TOKEN_SECONDS * 1000;
        return this.respond(refresh.clientId, refresh.userId, refresh.scopes, form.refresh_token);
    }

    /** A live token issued here (access or refresh), or undefined. */
    lookup(token: string): IssuedToken | undefined {
        const issued = this.tokens.get(token);
        return issued && issued.expiresAt > Date.now() ? issued : undefined;
    }

    /** Ends a token's life now (to test expiry handling); false when unknown. */
    expire(token: string): boolean {
        const issued = this.tokens.get(token);
        if (!issued) return false;
        issued.expiresAt = Date.now() - 1;
        return true;
    }

    private applyAddedRedirectUris(integration: Integration): void {
        for (const uri of this.addedRedirectUris.get(integration.clientId) ?? [])
            if (!integration.redirectUris.includes(uri)) integration.redirectUris.push(uri);
    }

    private authenticateClient(form: Record<string, string>): Integration | OAuthFailure {
        const integration = this.integration(form.client_id);
        if (!integration || integration.clientSecret !== form.client_secret)
            return { status: 401, error: 'invalid_client', description: 'The client_id or client_secret is invalid.' };
        return integration;
    }

    private respond(clientId: string, userId: string, scopes: string[], refreshToken: string): TokenResponse {
        return {
            access_token: this.mint('access', clientId, userId, scopes),
            expires_in: ACCESS_TOKEN_SECONDS,
            refresh_token: refreshToken,
            refresh_token_expires_in: REFRESH_TOKEN_SECONDS,
            token_type: 'Bearer',
            scope: scopes.join(' ')
        };
    }

    /** Webex tokens end with `_<cluster>_<orgId>`; the SDK reads the org from that suffix. */
    private mint(kind: IssuedToken['kind'], clientId: string, userId: string, scopes: string[]): string {
        const user = this.users().find((u) => u.id === userId);
        const token = `${alphanumericToken(64)}_PF84_${uuidOf(user?.orgId ?? '')}`;
        const seconds = kind === 'access' ? ACCESS_TOKEN_SECONDS : REFRESH_TOKEN_SECONDS;
        this.tokens.set(token, { kind, clientId, userId, scopes, expiresAt: Date.now() + seconds * 1000 });
        return token;
    }
}

function invalidGrant(description: string): OAuthFailure {
    return { status: 400, error: 'invalid_grant', description };
}
