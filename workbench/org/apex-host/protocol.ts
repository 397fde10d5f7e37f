/**
 * The messages between the workbench's HTTP handlers (main thread) and the Apex host's worker, which owns the
 * runtime and its record store. Plain data only: they cross `postMessage`.
 */

/** A field value as the workbench's record store holds it: Dates `YYYY-MM-DD`, Datetimes ISO 8601, numbers. */
export type PlainValue = string | number | boolean | null;

/** A record as the workbench's record store (records.ts) holds it. */
export interface PlainRecord {
    type: string;
    fields: Record<string, PlainValue> & { Id: string };
}

/** Who calls: the signed-in user of the page, in the language the page asked for. */
export interface Session {
    userId: string;
    /** `LanguageLocaleKey` for the transaction (`en_US`, `fr`). */
    language: string;
    /** Permission set names the user holds, by user Id (every seeded user: assignments are org state). */
    permissionSets: Record<string, string[]>;
}

/** What a transaction runs: one entry point of the package's Apex, as the platform enters it. */
export type Entry =
    /** An `@salesforce/apex` call: the `@AuraEnabled` static method and the component's parameters (JSON). */
    | { kind: 'aura'; className: string; methodName: string; params: Record<string, unknown> }
    /** Anonymous Apex (Developer Console › Execute Anonymous, `sf apex run`): what a set-up script types. */
    | { kind: 'anonymous'; source: string }
    /** A request to an `@RestResource` (`/services/apexrest/<urlMapping>`). */
    | { kind: 'rest'; request: RestCall }
    /** A Visualforce page request (`/apex/<page>`): its controller constructed, or its view state and an action. */
    | { kind: 'page'; request: PageCall };

/** An Apex REST request as `RestContext.request` holds it. */
export interface RestCall {
    httpMethod: string;
    /** `/webex/webhooks`: the part after `/services/apexrest`. */
    requestURI: string;
    headers: Record<string, string>;
    params: Record<string, string>;
    /** The body, base64 (a Blob). */
    bodyBase64: string;
    remoteAddress: string;
}

/** A Visualforce request: the page, its URL parameters, and for a postback the form and the view state. */
export interface PageCall {
    /** The page's name (`webexsfdcauth`) and its source (`.page` markup). */
    page: string;
    source: string;
    /** The page's URL as requested (path and query): what `ApexPages.currentPage()` gives. */
    url: string;
    /** The posted form (a postback), or null for a GET. */
    form: Record<string, string> | null;
}

/** What a Visualforce request answers: a page, or a redirect (an action returned a PageReference). */
export type PageAnswer = { kind: 'html'; html: string } | { kind: 'redirect'; location: string };

export interface CallRequest {
    kind: 'call';
    id: number;
    /** The workbench's records changed since the worker last saw them (all of them after a reset). */
    sync: RecordSync;
    session: Session;
    /** `URL.getOrgDomainUrl()`: the workbench's own origin (known once it listens). */
    orgDomain: string;
    /**
     * The labels the org gives its standard objects (Setup › Rename Tabs and Labels included): label and plural label
     * by language (`en`, `fr`).
     */
    objectLabels: Record<string, { label: Record<string, string>; labelPlural: Record<string, string> }>;
    /** OrgLimits values a story set (`DailyDeliveredPlatformEvents` → used), over the runtime's own counts. */
    orgLimits: Record<string, { used: number; max: number }>;
    /**
     * The namespace the org runs the package with ('' unpackaged): the worker loads the package installed with it
     * (`ns__Foo__c`, `ns.Foo`), starting again from an empty org when it changes.
     */
    namespace: string;
    entry: Entry;
}

/** A platform event the transaction published, as `lightning/empApi` subscribers receive its fields. */
export interface PublishedEvent {
    /** `/event/WebexErrorEvent__e`. */
    channel: string;
    payload: Record<string, PlainValue>;
}

/** An AsyncApexJob the host ran after a transaction. */
export interface JobOutcome {
    name: string;
    status: 'Completed' | 'Failed';
    /** The exception's type and message for a failed job, as the AsyncApexJob's ExtendedStatus gives it. */
    error?: string;
}

/** What changed in a store: upserted records (whole) and deleted Ids. */
export interface RecordSync {
    /** The store was replaced (a story's reset): the worker starts again from an empty org with these records. */
    reset: boolean;
    upserts: PlainRecord[];
    deletes: string[];
}

/**
 * What the entry answered: for an `@salesforce/apex` call the HTTP status and body the component receives; for REST
 * the status, headers and body the client receives; for a page, the page or its redirect.
 */
export interface CallResponse {
    kind: 'result';
    id: number;
    status: number;
    body: unknown;
    /** An Apex REST response's headers; a page's answer (as `body`). */
    headers?: Record<string, string>;
    /** The transaction's committed changes to records of the objects the workbench's store knows. */
    changes: RecordSync;
    /** Platform events published (after commit; immediately-published ones even when the transaction failed). */
    events: PublishedEvent[];
    /** `System.debug` lines of the transaction. */
    debug: string[];
    /** Whether Queueable jobs were enqueued: an `async` message follows once they ran. */
    asyncPending: boolean;
    /** Milliseconds the worker spent on the transaction (sync, Apex, diff). */
    workerMs: number;
    /**
     * The transaction's use of the governor limits (SOQL queries, DML statements, callouts…), each counter above 0,
     * as a debug log's LIMIT_USAGE lines report them: how the benchmarks count queries per call.
     */
    limits: Record<string, number>;
}

/**
 * Queueable jobs a transaction enqueued, run after it answered (each in its own transaction, as the platform runs
 * them), and what they committed and published.
 */
export interface AsyncResponse {
    kind: 'async';
    jobs: JobOutcome[];
    changes: RecordSync;
    events: PublishedEvent[];
    debug: string[];
}

/** An Apex callout the worker asks the main thread to perform (it waits on `CalloutChannel`). */
export interface CalloutRequest {
    kind: 'callout';
    method: string;
    endpoint: string;
    headers: Array<[string, string]>;
    body: string | null;
    timeoutMs: number;
}

/** What a callout gave: a response, or the `CalloutException` message an org raises. */
export type CalloutResult = (
    | { ok: true; statusCode: number; status: string; headers: Array<[string, string]>; body: string }
    | { ok: false; message: string }
) & {
    /**
     * What other transactions committed to the workbench's records while the callout ran (the org's Metadata API
     * creating a site): visible to the rest of this transaction, as committed data is in an org.
     */
    sync?: RecordSync;
};

export interface ReadyMessage {
    kind: 'ready';
    loadErrors: string[];
    loadMs: number;
}

export interface FatalMessage {
    kind: 'fatal';
    id: number | null;
    message: string;
}

export type WorkerMessage = CallResponse | AsyncResponse | CalloutRequest | ReadyMessage | FatalMessage;

/** What the main thread passes the worker at start. */
export interface WorkerData {
    projectDir: string;
    /** The fields the workbench's store holds, by object: the records the worker mirrors back. */
    mirroredFields: Record<string, string[]>;
    /** Int32 slot 0: 0 waiting, 1 answered; slot 1: byte length of the JSON answer written from byte 8. */
    calloutBuffer: SharedArrayBuffer;
}

/** Bytes of the shared buffer a callout's answer is written to (its JSON must fit). */
export const CALLOUT_BUFFER_BYTES = 8 * 1024 * 1024;
