/**
 * The main thread's side of the Apex host (README.md): starts the worker that runs the package's Apex, sends it
 * one message per `@salesforce/apex` call, keeps the workbench's record store and the worker's in step, and
 * performs the callouts the Apex makes (Remote Site Settings checked, hosts mapped to the emulators).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { APEX_STACK_MB } from '../../../apex-runtime/src/testing/apex-stack.ts';
import type { RecordStore } from '../records.ts';
import {
    CALLOUT_BUFFER_BYTES,
    type AsyncResponse,
    type CallRequest,
    type CallResponse,
    type CalloutRequest,
    type CalloutResult,
    type Entry,
    type PlainRecord,
    type PublishedEvent,
    type RecordSync,
    type Session,
    type WorkerData,
    type WorkerMessage
} from './protocol.ts';

export const PROJECT_DIR = path.resolve(import.meta.dirname, '..', '..', '..');
const PACKAGE_DIR = path.join(PROJECT_DIR, 'force-app', 'main', 'default');

/** What one call needs from the org: its records, who calls, the org's domain, labels and limits. */
export interface CallContext {
    records: RecordStore;
    session: Session;
    /** `URL.getOrgDomainUrl()`. */
    orgDomain: string;
    objectLabels?: CallRequest['objectLabels'];
    orgLimits?: CallRequest['orgLimits'];
    /** The namespace the org runs the package with (default '': unpackaged). */
    namespace?: string;
}

/** What the entry answered (CallResponse), and how long the host took. */
export interface HostAnswer {
    status: number;
    body: unknown;
    headers?: Record<string, string>;
    events: PublishedEvent[];
    debug: string[];
    workerMs: number;
    /** The transaction's governor-limit usage (CallResponse.limits). */
    limits: Record<string, number>;
}

export interface ApexHostOptions {
    /** The SFDX project whose Apex runs (default: this repository). */
    projectDir?: string;
    /** The fields the workbench's store holds, by object (records.ts describes). */
    mirroredFields: Record<string, string[]>;
    /**
     * Where a callout goes: the URL to request instead (the Webex emulator for the Webex API), or null when the
     * org has no Remote Site Setting for the endpoint's host.
     */
    route: (endpoint: string) => string | null;
    /** Receives the platform events each transaction published (after its answer's changes are applied). */
    onEvents?: (events: PublishedEvent[]) => void;
    /** Receives what Queueable jobs did, once they ran after the transaction that enqueued them. */
    onJobs?: (jobs: AsyncResponse) => void;
}

interface Pending {
    resolve: (answer: CallResponse) => void;
    reject: (error: Error) => void;
}

/**
 * The endpoints of the project's Remote Site Settings (`remoteSiteSettings/*.remoteSite-meta.xml` › url), as
 * deployed with the package.
 */
export function projectRemoteSites(packageDir = PACKAGE_DIR): string[] {
    const dir = path.join(packageDir, 'remoteSiteSettings');
    return readdirSync(dir)
        .filter((f) => f.endsWith('.remoteSite-meta.xml'))
        .map((f) => /<url>\s*([^<\s]+)\s*<\/url>/.exec(readFileSync(path.join(dir, f), 'utf8'))?.[1])
        .filter((url): url is string => Boolean(url));
}

/**
 * Whether a Remote Site Setting allows an endpoint: same scheme and host (and port), path ignored, as Setup ›
 * Remote Site Settings registers a site by its URL.
 */
export function remoteSiteAllows(sites: string[], endpoint: string): boolean {
    let target: URL;
    try {
        target = new URL(endpoint);
    } catch {
        return false;
    }
    return sites.some((site) => {
        try {
            const allowed = new URL(site);
            return allowed.protocol === target.protocol && allowed.host === target.host;
        } catch {
            return false;
        }
    });
}

/**
 * The CalloutException an org raises for an endpoint no Remote Site Setting allows, as recorded in orgs' output:
 * `Unauthorized endpoint, please check Setup->Security->Remote site settings. endpoint = <url>`.
 */
export function unauthorizedEndpoint(endpoint: string): string {
    return `Unauthorized endpoint, please check Setup->Security->Remote site settings. endpoint = ${endpoint}`;
}

export class ApexHost {
    private readonly worker: Worker;
    private readonly options: ApexHostOptions;
    private readonly buffer = new SharedArrayBuffer(CALLOUT_BUFFER_BYTES + 8);
    private readonly pending = new Map<number, Pending>();
    private nextId = 1;
    /** The store instance the worker mirrors (a reset replaces the org's store: the worker starts again). */
    private mirroredStore: RecordStore | null = null;
    /** The namespace the worker's org was last asked for: another one rebuilds it empty, so every record goes again. */
    private mirroredNamespace = '';
    /** Calls in order: the worker runs one transaction at a time, and each sends what changed since the last. */
    private queue: Promise<unknown> = Promise.resolve();
    /** The store a transaction in flight uses: a callout sends it what else changed meanwhile. */
    private inFlight: RecordStore | null = null;
    /** Jobs enqueued and not yet reported by the worker. */
    private pendingJobs = 0;
    private jobsSettled: Array<() => void> = [];
    readonly ready: Promise<{ loadErrors: string[]; loadMs: number }>;

    constructor(options: ApexHostOptions) {
        this.options = options;
        const data: WorkerData = {
            projectDir: options.projectDir ?? PROJECT_DIR,
            mirroredFields: options.mirroredFields,
            calloutBuffer: this.buffer
        };
        const entry = new URL('./worker.ts', import.meta.url).href;
        // A worker does not inherit `--import tsx`: it registers tsx's loader itself (as apex-stack.ts does).
        const tsx = import.meta.resolve('tsx/esm/api');
        const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
        this.worker = new Worker(code, {
            eval: true,
            workerData: data,
            resourceLimits: { stackSizeMb: APEX_STACK_MB }
        });
        this.worker.unref();
        let settle: { resolve: (v: { loadErrors: string[]; loadMs: number }) => void; reject: (e: Error) => void };
        this.ready = new Promise((resolve, reject) => (settle = { resolve, reject }));
        // Callers await `ready` through `call`; a failed start must not also be an unhandled rejection.
        this.ready.catch(() => undefined);
        this.worker.on('message', (message: WorkerMessage) => {
            if (message.kind === 'ready') settle.resolve({ loadErrors: message.loadErrors, loadMs: message.loadMs });
            else if (message.kind === 'result') this.settle(message.id, (p) => p.resolve(message));
            else if (message.kind === 'async') this.jobsRan(message);
            else if (message.kind === 'callout') void this.performCallout(message);
            else if (message.kind === 'fatal') {
                const error = new Error(`Apex host: ${message.message}`);
                if (message.id === null) settle.reject(error);
                else this.settle(message.id, (p) => p.reject(error));
            }
        });
        this.worker.on('error', (error) => {
            settle.reject(error);
            for (const p of this.pending.values()) p.reject(error);
            this.pending.clear();
        });
    }

    private settle(id: number, fn: (p: Pending) => void): void {
        const p = this.pending.get(id);
        this.pending.delete(id);
        if (p) fn(p);
    }

    /** Runs one entry (an `@AuraEnabled` method, anonymous Apex, REST, a page) as the session's user, in order. */
    run(context: CallContext, entry: Entry): Promise<HostAnswer> {
        const run = this.queue.then(() => this.send(context, entry));
        this.queue = run.catch(() => undefined);
        return run;
    }

    /** Runs `Class.method(params)` as the session's user (one transaction); applies what it committed to `records`. */
    call(
        context: CallContext,
        className: string,
        methodName: string,
        params: Record<string, unknown>
    ): Promise<HostAnswer> {
        return this.run(context, { kind: 'aura', className, methodName, params });
    }

    /** Resolves once every Queueable job enqueued so far has run (AsyncApexJob no longer Queued). */
    whenJobsSettled(): Promise<void> {
        return this.queue.then(
            () =>
                new Promise<void>((resolve) => {
                    if (this.pendingJobs === 0) resolve();
                    else this.jobsSettled.push(resolve);
                })
        );
    }

    private async send(context: CallContext, entry: Entry): Promise<HostAnswer> {
        await this.ready;
        const id = this.nextId++;
        const request: CallRequest = {
            kind: 'call',
            id,
            sync: this.syncOf(context.records, context.namespace ?? ''),
            session: context.session,
            orgDomain: context.orgDomain,
            objectLabels: context.objectLabels ?? {},
            orgLimits: context.orgLimits ?? {},
            namespace: context.namespace ?? '',
            entry
        };
        this.inFlight = context.records;
        let answer: CallResponse;
        try {
            answer = await new Promise<CallResponse>((resolve, reject) => {
                this.pending.set(id, { resolve, reject });
                this.worker.postMessage(request);
            });
        } finally {
            this.inFlight = null;
        }
        // A story may have reset the org meanwhile: the old store's changes go nowhere.
        if (context.records === this.mirroredStore) context.records.applyCommitted(answer.changes as never);
        if (answer.asyncPending) this.pendingJobs++;
        if (answer.events.length > 0) this.options.onEvents?.(answer.events);
        return {
            status: answer.status,
            body: answer.body,
            headers: answer.headers,
            events: answer.events,
            debug: answer.debug,
            workerMs: answer.workerMs,
            limits: answer.limits
        };
    }

    private jobsRan(message: AsyncResponse): void {
        if (this.mirroredStore) this.mirroredStore.applyCommitted(message.changes as never);
        if (message.events.length > 0) this.options.onEvents?.(message.events);
        this.options.onJobs?.(message);
        this.pendingJobs = Math.max(0, this.pendingJobs - 1);
        if (this.pendingJobs === 0) for (const resolve of this.jobsSettled.splice(0)) resolve();
    }

    private syncOf(records: RecordStore, namespace: string): RecordSync {
        if (records !== this.mirroredStore || namespace !== this.mirroredNamespace) {
            this.mirroredStore = records;
            this.mirroredNamespace = namespace;
            records.takeChanges();
            return { reset: true, upserts: records.all() as PlainRecord[], deletes: [] };
        }
        const changes = records.takeChanges();
        return { reset: false, upserts: changes.upserts as PlainRecord[], deletes: changes.deletes };
    }

    /** Performs a callout for the blocked worker and writes the answer where it waits. */
    private async performCallout(request: CalloutRequest): Promise<void> {
        let result: CalloutResult;
        const target = this.options.route(request.endpoint);
        if (target === null) result = { ok: false, message: unauthorizedEndpoint(request.endpoint) };
        else {
            try {
                const response = await fetch(target, {
                    method: request.method,
                    headers: request.headers,
                    body: request.body ?? undefined,
                    redirect: 'manual',
                    signal: AbortSignal.timeout(request.timeoutMs)
                });
                result = {
                    ok: true,
                    statusCode: response.status,
                    status: response.statusText,
                    headers: [...response.headers.entries()],
                    body: await response.text()
                };
            } catch (error) {
                // No cited text for a refused connection: the network condition met, as the stand-ins said it.
                const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
                const timedOut = error instanceof Error && error.name === 'TimeoutError';
                result = {
                    ok: false,
                    message: timedOut ? 'Read timed out' : typeof cause === 'string' ? cause : String(error)
                };
            }
        }
        // What the org's platform wrote while answering (a site the Metadata API created) is committed data the rest
        // of the transaction sees.
        if (this.inFlight && this.inFlight === this.mirroredStore) {
            const changes = this.inFlight.takeChanges();
            if (changes.upserts.length > 0 || changes.deletes.length > 0)
                result.sync = {
                    reset: false,
                    upserts: changes.upserts as PlainRecord[],
                    deletes: changes.deletes
                };
        }
        const bytes = new TextEncoder().encode(JSON.stringify(result));
        const signal = new Int32Array(this.buffer, 0, 2);
        if (bytes.length > CALLOUT_BUFFER_BYTES) {
            const tooBig = new TextEncoder().encode(
                JSON.stringify({
                    ok: false,
                    message: `Workbench: a callout response over ${CALLOUT_BUFFER_BYTES} bytes (the host's buffer)`
                } satisfies CalloutResult)
            );
            new Uint8Array(this.buffer, 8).set(tooBig);
            Atomics.store(signal, 1, tooBig.length);
        } else {
            new Uint8Array(this.buffer, 8).set(bytes);
            Atomics.store(signal, 1, bytes.length);
        }
        Atomics.store(signal, 0, 1);
        Atomics.notify(signal, 0);
    }

    /** Stops the worker. */
    async close(): Promise<void> {
        await this.worker.terminate();
    }
}
