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

/**
 * A row the main thread still keeps outside the record store (the protected custom settings and the More info
 * tabs the remaining TypeScript stand-ins write): the worker replaces every row of `types` with these before the
 * transaction. `SetupOwnerId: '@organization'` names the org's own Id, which only the worker knows.
 */
export interface SettingRows {
    types: string[];
    rows: Array<{ type: string; fields: Record<string, PlainValue> }>;
}

/** Who calls: the signed-in user of the page, in the language the page asked for. */
export interface Session {
    userId: string;
    /** `LanguageLocaleKey` for the transaction (`en_US`, `fr`). */
    language: string;
    /** Permission set names the user holds, by user Id (every seeded user: assignments are org state). */
    permissionSets: Record<string, string[]>;
}

export interface CallRequest {
    kind: 'call';
    id: number;
    /** The workbench's records changed since the worker last saw them (all of them after a reset). */
    sync: RecordSync;
    settings: SettingRows;
    session: Session;
    /** `URL.getOrgDomainUrl()`: the workbench's own origin (known once it listens). */
    orgDomain: string;
    /**
     * The labels the org gives its standard objects (Setup › Rename Tabs and Labels included): label and plural label
     * by language (`en`, `fr`).
     */
    objectLabels: Record<string, { label: Record<string, string>; labelPlural: Record<string, string> }>;
    className: string;
    methodName: string;
    /** The component's parameters, by name (JSON, as Aura posts them). */
    params: Record<string, unknown>;
}

/** What changed in a store: upserted records (whole) and deleted Ids. */
export interface RecordSync {
    /** The store was replaced (a story's reset): the worker starts again from an empty org with these records. */
    reset: boolean;
    upserts: PlainRecord[];
    deletes: string[];
}

/** What the component receives: the HTTP status and body of the `@salesforce/apex` call. */
export interface CallResponse {
    kind: 'result';
    id: number;
    status: number;
    body: unknown;
    /** The transaction's committed changes to records of the objects the workbench's store knows. */
    changes: RecordSync;
    /** Milliseconds the worker spent on the transaction (sync, Apex, diff). */
    workerMs: number;
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
export type CalloutResult =
    | { ok: true; statusCode: number; status: string; headers: Array<[string, string]>; body: string }
    | { ok: false; message: string };

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

export type WorkerMessage = CallResponse | CalloutRequest | ReadyMessage | FatalMessage;

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
