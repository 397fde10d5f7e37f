/**
 * Requests to the emulated org's UI API, shared by the LDS stand-ins. A failure rejects with the
 * `{ status, body }` shape Lightning Data Service gives components.
 */
import { sessionHeaders } from './session.ts';

export interface LdsError {
    status: number;
    body: { message: string } | Array<{ message: string; errorCode: string }>;
}

export async function uiApi<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
        response = await fetch(`/_org/ui-api/${path}`, {
            method,
            headers: { 'content-type': 'application/json', ...sessionHeaders() },
            body: body === undefined ? undefined : JSON.stringify(body)
        });
    } catch (error) {
        throw { status: 0, body: { message: `Salesforce could not be reached: ${(error as Error).message}` } };
    }
    const parsed: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
    if (!response.ok) throw { status: response.status, body: parsed ?? { message: response.statusText } } as LdsError;
    return parsed as T;
}

/** `Object.Field` for a field given as a schema import or a string. */
export function fieldPath(field: SalesforceFieldId | string): string {
    return typeof field === 'string' ? field : `${field.objectApiName}.${field.fieldApiName}`;
}
