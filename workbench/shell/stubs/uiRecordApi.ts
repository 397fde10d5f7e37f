/**
 * `lightning/uiRecordApi` for the workbench: the same wire adapter and functions, backed by the
 * emulated org's UI API. Typed against types/salesforce-modules.d.ts so a drift breaks `tsc`.
 */
import type * as Platform from 'lightning/uiRecordApi';
import { fieldPath, uiApi, type LdsError } from './ui-api-client.ts';

type FieldRef = SalesforceFieldId | string;

/** Records changed through this module tell the live `getRecord` wires to refresh. */
const liveWires = new Set<GetRecord>();

class GetRecord {
    private readonly dataCallback: (value: WireResult<UiRecord>) => void;
    private config: Platform.GetRecordConfig = {};
    private connected = false;

    constructor(dataCallback: (value: WireResult<UiRecord>) => void) {
        this.dataCallback = dataCallback;
    }

    update(config: Platform.GetRecordConfig): void {
        this.config = config;
        if (this.connected) void this.load();
    }

    connect(): void {
        this.connected = true;
        liveWires.add(this);
        void this.load();
    }

    disconnect(): void {
        this.connected = false;
        liveWires.delete(this);
    }

    refreshIf(recordId: string): void {
        if (this.config.recordId === recordId) void this.load();
    }

    private async load(): Promise<void> {
        const { recordId, fields = [], optionalFields = [] } = this.config;
        // As LDS: no request until the record id is known.
        if (!recordId) return;
        const query = new URLSearchParams({
            fields: fields.map(fieldPath).join(','),
            optionalFields: optionalFields.map(fieldPath).join(',')
        });
        try {
            const data = await uiApi<UiRecord>('GET', `records/${encodeURIComponent(recordId)}?${query}`);
            this.dataCallback({ data, error: undefined });
        } catch (error) {
            this.dataCallback({ data: undefined, error: error as LdsError });
        }
    }
}

function field(record: UiRecord | undefined, ref: FieldRef): UiRecordField | undefined {
    if (!record) return undefined;
    const [, ...parts] = fieldPath(ref).split('.');
    let current: UiRecord | undefined = record;
    for (const part of parts.slice(0, -1)) {
        const value: UiRecordField['value'] | undefined = current?.fields[part]?.value;
        current = value && typeof value === 'object' ? value : undefined;
    }
    return current?.fields[parts[parts.length - 1]];
}

function refresh(recordId: string): void {
    for (const wire of liveWires) wire.refreshIf(recordId);
}

export const getRecord: typeof Platform.getRecord = GetRecord;

export const getFieldValue: typeof Platform.getFieldValue = (record, ref) => field(record, ref)?.value;

export const getFieldDisplayValue: typeof Platform.getFieldDisplayValue = (record, ref) =>
    field(record, ref)?.displayValue;

export const createRecord: typeof Platform.createRecord = (input) => uiApi<UiRecord>('POST', 'records', input);

export const updateRecord: typeof Platform.updateRecord = async ({ fields }) => {
    const record = await uiApi<UiRecord>('PATCH', `records/${encodeURIComponent(fields.Id)}`, { fields });
    refresh(fields.Id);
    return record;
};

export const deleteRecord: typeof Platform.deleteRecord = async (recordId) => {
    await uiApi<void>('DELETE', `records/${encodeURIComponent(recordId)}`);
};

export const notifyRecordUpdateAvailable: typeof Platform.notifyRecordUpdateAvailable = async (items) => {
    for (const item of items) refresh(item.recordId);
};
