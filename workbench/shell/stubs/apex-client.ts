/**
 * How a component's `@salesforce/apex/Class.method` import reaches the emulated org: a POST to the
 * workbench server. Failures reject the way the Lightning runtime rejects a failed Apex call, with
 * `{ status, body: { message, exceptionType } }`, so components meet the same shapes as in an org.
 */
import { sessionHeaders } from './session.ts';

export async function callApex(className: string, method: string, params: unknown): Promise<unknown> {
    let response: Response;
    try {
        response = await fetch(`/_org/apex/${className}/${method}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...sessionHeaders() },
            body: JSON.stringify(params ?? {})
        });
    } catch (error) {
        // As when the browser loses the connection to Salesforce: no body, a message from the runtime.
        throw { status: 0, body: { message: `Salesforce could not be reached: ${(error as Error).message}` } };
    }
    const body: unknown = await response.json().catch(() => ({ message: response.statusText }));
    if (!response.ok) throw { status: response.status, body };
    return body;
}
