/**
 * The emulated org's User Interface API: the record and object-info representations Lightning Data
 * Service hands components (`lightning/uiRecordApi`, `lightning/uiObjectInfoApi`), built from the
 * record store and the object describes. Errors are shaped as the UI API shapes them.
 */
import type { Language } from './labels.ts';
import { describeObject, type FieldValue, type RecordStore, type SObjectRecord } from './records.ts';

export class UiApiError extends Error {
    readonly status: number;
    readonly errorCode: string;

    constructor(status: number, errorCode: string, message: string) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** The body the UI API answers with: an array of `{ errorCode, message }`. */
    toBody(): Array<{ errorCode: string; message: string }> {
        return [{ errorCode: this.errorCode, message: this.message }];
    }
}

function displayValue(type: string | undefined, value: FieldValue, language: Language): string | null {
    if (value === null || value === undefined) return null;
    const locale = language === 'fr' ? 'fr-FR' : 'en-US';
    if (type === 'Currency' && typeof value === 'number')
        return new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(value);
    if (type === 'Date' && typeof value === 'string')
        return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(value));
    if (type === 'Boolean') return null;
    if (type === 'Picklist') return String(value);
    return null;
}

/** Builds UI API representations from the emulated org's records. */
export class UiApi {
    private readonly store: RecordStore;

    constructor(store: RecordStore) {
        this.store = store;
    }

    /**
     * `GET /ui-api/records/{id}?fields=&optionalFields=`: a missing required field is an error, a
     * missing optional one is left out; `Object.Lookup__r.Field` spans one relationship.
     */
    record(recordId: string, fields: string[], optionalFields: string[], language: Language): UiRecord {
        const objectApiName = this.store.objectOf(recordId);
        const record = this.store.get(recordId);
        if (!objectApiName || !record) throw new UiApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
        const out: UiRecord = { apiName: objectApiName, id: record.Id, fields: {} };
        const wanted = [
            ...fields.map((f) => ({ path: f, required: true })),
            ...optionalFields.map((f) => ({ path: f, required: false }))
        ];
        for (const { path, required } of wanted) {
            const [objectName, ...parts] = path.split('.');
            if (objectName !== objectApiName) {
                if (required) throw new UiApiError(400, 'INVALID_FIELD', `${path} does not belong to ${objectApiName}`);
                continue;
            }
            if (!this.addField(out, objectApiName, record, parts, language) && required)
                throw new UiApiError(400, 'INVALID_FIELD', `No such column '${parts.join('.')}' on ${objectApiName}`);
        }
        return out;
    }

    /** `GET /ui-api/object-info/{objectApiName}` in the user's language. */
    objectInfo(objectApiName: string, language: Language): UiObjectInfo {
        const describe = describeObject(objectApiName);
        if (!describe) throw new UiApiError(404, 'NOT_FOUND', `The object ${objectApiName} is not supported`);
        const fields: UiObjectInfo['fields'] = {};
        for (const [apiName, field] of Object.entries(describe.fields)) {
            fields[apiName] = {
                apiName,
                label: field.label[language],
                dataType: field.type,
                referenceToInfos: field.referenceTo ? [{ apiName: field.referenceTo }] : []
            };
        }
        return {
            apiName: objectApiName,
            label: describe.label[language],
            labelPlural: describe.labelPlural[language],
            keyPrefix: describe.keyPrefix,
            nameFields: [describe.nameField],
            fields,
            themeInfo: { iconUrl: null, color: null }
        };
    }

    private addField(
        out: UiRecord,
        objectApiName: string,
        record: SObjectRecord,
        parts: string[],
        language: Language
    ): boolean {
        const describe = describeObject(objectApiName);
        if (!describe) return false;
        const [first, second] = parts;
        if (parts.length === 1) {
            const field = describe.fields[first];
            if (!field && first !== 'Id') return false;
            const value = record[first] ?? null;
            out.fields[first] = { value, displayValue: displayValue(field?.type, value, language) };
            return true;
        }
        // A relationship: `Account.Name` through the `AccountId` lookup.
        const lookup = describe.fields[`${first}Id`];
        if (parts.length !== 2 || !lookup?.referenceTo) return false;
        const target = describeObject(lookup.referenceTo);
        const related =
            typeof record[`${first}Id`] === 'string' ? this.store.get(String(record[`${first}Id`])) : undefined;
        if (!target || (!target.fields[second] && second !== 'Id')) return false;
        const existing = out.fields[first]?.value;
        const nested: UiRecord =
            existing && typeof existing === 'object'
                ? existing
                : { apiName: lookup.referenceTo, id: related?.Id ?? '', fields: {} };
        if (related) {
            const value = related[second] ?? null;
            nested.fields[second] = {
                value,
                displayValue: displayValue(target.fields[second]?.type, value, language)
            };
        }
        out.fields[first] = {
            value: related ? nested : null,
            displayValue: related ? String(related[target.nameField] ?? '') : null
        };
        return true;
    }
}
