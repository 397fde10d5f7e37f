/** The Webex emulator's in-memory world: seeded people, what clients created, faults and a request log. */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A seeded Webex user: a `Person` of the OpenAPI contract plus the bearer token that acts as them. */
export interface EmulatedUser {
    id: string;
    emails: string[];
    displayName: string;
    firstName: string;
    lastName: string;
    orgId: string;
    roles: string[];
    extension: string;
    phoneNumbers: Array<{ type: string; value: string; primary: boolean }>;
    accessToken: string;
}

/** A webhook as the contract's `Webhook` schema describes it. */
export interface EmulatedWebhook {
    id: string;
    name: string;
    targetUrl: string;
    resource: string;
    event: string;
    filter?: string;
    secret?: string;
    status: 'active' | 'inactive';
    created: string;
    ownedBy?: string;
    orgId: string;
    createdBy: string;
    appId: string;
}

/** An injected failure: answers matching requests with `status` (and `Retry-After`) or delays them. */
export interface Fault {
    method?: string;
    /** Path prefix, e.g. `/v1/people/me`. */
    path: string;
    status?: number;
    retryAfter?: number;
    latencyMs?: number;
    /** How many matching requests it applies to; unlimited when absent. */
    times?: number;
}

export interface RecordedRequest {
    method: string;
    path: string;
    query: Record<string, string>;
    body: unknown;
    authorized: string | null;
    at: string;
}

const SEED = path.join(import.meta.dirname, 'seed', 'users.json');

/** Webex ids are base64 of `ciscospark://us/<TYPE>/<uuid>`, without padding. */
export function webexId(type: string): string {
    return Buffer.from(`ciscospark://us/${type}/${randomUUID()}`).toString('base64').replace(/=+$/, '');
}

export class EmulatorState {
    users: EmulatedUser[] = [];
    webhooks: EmulatedWebhook[] = [];
    faults: Fault[] = [];
    requests: RecordedRequest[] = [];

    constructor() {
        this.reset();
    }

    /** Back to the seeded world (tests call it between stories). */
    reset(): void {
        this.users = JSON.parse(readFileSync(SEED, 'utf8')) as EmulatedUser[];
        this.webhooks = [];
        this.faults = [];
        this.requests = [];
    }

    userForToken(token: string): EmulatedUser | undefined {
        return this.users.find((user) => user.accessToken === token);
    }

    /** The first fault matching the request, consuming one of its `times`. */
    takeFault(method: string, pathname: string): Fault | undefined {
        const fault = this.faults.find(
            (f) => (!f.method || f.method.toUpperCase() === method) && pathname.startsWith(f.path)
        );
        if (!fault) return undefined;
        if (fault.times !== undefined) {
            fault.times -= 1;
            if (fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
        }
        return fault;
    }
}
