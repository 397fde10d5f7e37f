/**
 * The Apex host's worker thread: owns the runtime and its record store (apex-org.ts) and runs one transaction per
 * message, in order. A callout blocks it on the shared buffer while the main thread performs the request.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CalloutTransport } from '../../../apex-runtime/src/interpreter/natives/http.ts';
import { ApexOrg } from './apex-org.ts';
import type { CallRequest, CalloutResult, WorkerData, WorkerMessage } from './protocol.ts';

const data = workerData as WorkerData;
const port = parentPort!;
const post = (message: WorkerMessage): void => port.postMessage(message);
const signal = new Int32Array(data.calloutBuffer, 0, 2);
const answer = new Uint8Array(data.calloutBuffer, 8);

/** HttpRequest.setTimeout's default when none is set (Apex Reference Guide › HttpRequest Class: 10 seconds). */
const DEFAULT_TIMEOUT_MS = 10_000;

const callout: CalloutTransport = (request) => {
    Atomics.store(signal, 0, 0);
    const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    post({ kind: 'callout', ...request, timeoutMs });
    // The main thread answers within the timeout (it enforces it); the margin covers its own scheduling.
    if (Atomics.wait(signal, 0, 0, timeoutMs + 5_000) === 'timed-out') return { ok: false, message: 'Read timed out' };
    const length = Atomics.load(signal, 1);
    const result = JSON.parse(new TextDecoder().decode(answer.slice(0, length))) as CalloutResult;
    if (result.sync) org.applySync(result.sync);
    return result;
};

const started = performance.now();
let org: ApexOrg;
try {
    org = new ApexOrg({ projectDir: data.projectDir, mirroredFields: data.mirroredFields, callout });
    post({ kind: 'ready', loadErrors: org.loadErrors, loadMs: performance.now() - started });
} catch (error) {
    post({ kind: 'fatal', id: null, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    throw error;
}

port.on('message', (request: CallRequest) => {
    const t0 = performance.now();
    try {
        // The org runs the package with another namespace: load it installed that way, from an empty org (the host
        // sends every record again with it).
        if (request.namespace !== org.namespace)
            org = new ApexOrg({
                projectDir: data.projectDir,
                mirroredFields: data.mirroredFields,
                callout,
                namespace: request.namespace
            });
        const result = org.run(request);
        post({ kind: 'result', id: request.id, ...result, workerMs: performance.now() - t0 });
        // Queueable jobs run once the request that enqueued them has answered, as the platform runs them.
        const jobs = org.runAsync();
        if (jobs) post({ kind: 'async', ...jobs });
    } catch (error) {
        post({
            kind: 'fatal',
            id: request.id,
            message: error instanceof Error ? (error.stack ?? error.message) : String(error)
        });
    }
});
