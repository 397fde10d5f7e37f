/**
 * The shell's own reads of the emulated org (list views, record pages), through the same UI API the
 * LDS stand-ins use.
 */
import { uiApi } from './stubs/ui-api-client.ts';

export interface ListViewData {
    objectInfo: UiObjectInfo;
    columns: string[];
    records: UiRecord[];
}

export const loadListView = (objectApiName: string): Promise<ListViewData> =>
    uiApi<ListViewData>('GET', `list/${encodeURIComponent(objectApiName)}`);

export const loadObjectInfo = (objectApiName: string): Promise<UiObjectInfo> =>
    uiApi<UiObjectInfo>('GET', `object-info/${encodeURIComponent(objectApiName)}`);

/** The fields of an object's compact layout (its highlights panel). */
export async function loadCompactFields(objectApiName: string): Promise<string[]> {
    const layout = await uiApi<{ compactFields: string[] }>('GET', `layout/${encodeURIComponent(objectApiName)}`);
    return layout.compactFields;
}

/** A record with every field its object has and each lookup's name (as a full layout shows it). */
export const loadFullRecord = (recordId: string): Promise<UiRecord> =>
    uiApi<UiRecord>('GET', `records/${encodeURIComponent(recordId)}?layout=Full`);

/** A readable message from an LDS-shaped failure. */
export function errorMessage(error: unknown): string {
    const body = (error as { body?: unknown })?.body;
    if (Array.isArray(body)) return body.map((e: { message?: string }) => e.message ?? '').join(' ');
    if (body && typeof body === 'object' && 'message' in body) return String((body as { message: unknown }).message);
    return error instanceof Error ? error.message : String(error);
}

/** The value to show for a field of a UI API record (display value, or the related record's name). */
export function shownValue(record: UiRecord, field: string): string {
    const relation = field.endsWith('Id') ? record.fields[field.slice(0, -2)] : undefined;
    if (relation?.displayValue) return relation.displayValue;
    const entry = record.fields[field];
    if (!entry) return '';
    if (entry.displayValue !== null && entry.displayValue !== undefined) return entry.displayValue;
    if (entry.value === null || entry.value === undefined) return '';
    if (typeof entry.value === 'object') return '';
    if (typeof entry.value === 'boolean') return entry.value ? '✓' : '';
    return String(entry.value);
}
