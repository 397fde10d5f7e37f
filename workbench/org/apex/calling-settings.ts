/**
 * The emulated org's WebexCallingSettings (classes/calling/) and the storage behind it, as the package keeps it:
 * - the backend (B8): the protected hierarchy setting WebexCallingSettings__c, organization default `Backend__c`;
 * - the objects a call log can relate to, per direction (B4): the protected list setting WebexCallLogObject__c;
 * - the phone fields Make a Call offers, per object (B2): the protected list setting WebexPhoneField__c;
 * - the More info tabs (B5): records of the custom object WebexCallLogTab__c.
 * The readers below apply the same rules as the Apex: objects and fields that no longer exist are skipped.
 */
import { fromApiRecord, toApiRecord, type Namespaced } from '../namespace.ts';
import type { EmulatedOrg } from '../org-state.ts';
import { describeObject } from '../records.ts';
import { makeRecordId } from '../salesforce-id.ts';

export type CallLogDirection = 'Outbound' | 'Inbound';

export const BACKENDS: readonly WebexCallingBackend[] = ['WebexCalling', 'UnifiedCM', 'BroadWorks'];
export const DIRECTIONS: readonly CallLogDirection[] = ['Outbound', 'Inbound'];

/** The key prefix the emulated org gives WebexCallLogTab__c records (a custom object's prefix). */
export const CALL_LOG_TAB_PREFIX = 'a0W';

/** The fields of a WebexCallLogTab__c record by the names the source gives them (the Apex's field tokens). */
export interface CallLogTabFields {
    ObjectApiName__c: string;
    AccountField__c: string;
    /** Field API names in the administrator's order, separated by commas. */
    Fields__c: string;
}

/**
 * A WebexCallLogTab__c record as the org's APIs return it: installed with the namespace, its fields are
 * `<ns>__ObjectApiName__c`... (namespace.ts); `tabFields` reads them back as the Apex's tokens do.
 */
export type CallLogTabRecord = { Id: string; Name: string } & Record<string, string>;

/** The fields of a stored tab record, whatever the namespace the org runs the package with. */
export function tabFields(org: Namespaced, record: CallLogTabRecord): CallLogTabFields {
    return fromApiRecord<CallLogTabFields>(org, record);
}

/** One More info tab as the call-log panel reads it (WebexCallLogTab__c, Fields__c split). */
export interface CallLogTabSetting {
    id: string;
    objectApiName: string;
    accountField: string;
    fields: string[];
}

/** What the package stored: the three protected settings and the WebexCallLogTab__c records. */
export class CallingSettingsStore {
    /** Backend__c of the organization default; null before an administrator chose (Webex Calling). */
    backend: WebexCallingBackend | null = null;
    /** WebexCallLogObject__c rows: per direction, object API names in Position__c order. */
    readonly callLogObjects = new Map<CallLogDirection, string[]>();
    /** WebexPhoneField__c rows: per object, field API names in Position__c order. */
    readonly phoneFields = new Map<string, string[]>();
    /** WebexCallLogTab__c records, in creation order. */
    readonly callLogTabs: CallLogTabRecord[] = [];
    private tabSequence = 0;
    /** The org, for the namespace its records are named in. */
    private readonly org: Namespaced;

    constructor(org: Namespaced = { namespace: '' }) {
        this.org = org;
    }

    /** Inserts or updates a WebexCallLogTab__c record; returns its id. */
    saveCallLogTab(tab: { id: string | null; objectApiName: string; accountField: string; fields: string[] }): string {
        const values = toApiRecord(this.org, {
            ObjectApiName__c: tab.objectApiName,
            AccountField__c: tab.accountField,
            Fields__c: tab.fields.join(',')
        } satisfies CallLogTabFields) as Record<string, string>;
        const existing = tab.id ? this.callLogTabs.find((record) => record.Id === tab.id) : undefined;
        if (existing) {
            Object.assign(existing, values);
            return existing.Id;
        }
        this.tabSequence += 1;
        const record: CallLogTabRecord = {
            Id: makeRecordId(CALL_LOG_TAB_PREFIX, this.tabSequence),
            Name: `WCT-${String(this.tabSequence).padStart(4, '0')}`,
            ...values
        };
        this.callLogTabs.push(record);
        return record.Id;
    }

    deleteCallLogTab(id: string): boolean {
        const index = this.callLogTabs.findIndex((record) => record.Id === id);
        if (index < 0) return false;
        this.callLogTabs.splice(index, 1);
        return true;
    }
}

/** The phone-type fields of an object the workbench knows, in describe order. */
export function phoneTypeFields(objectApiName: string): string[] {
    const describe = describeObject(objectApiName);
    if (!describe) return [];
    return Object.entries(describe.fields)
        .filter(([, field]) => field.type === 'Phone')
        .map(([apiName]) => apiName);
}

/** The phone system behind the users' Webex lines: Webex Calling until an administrator chooses. */
export function callingBackend(org: EmulatedOrg): WebexCallingBackend {
    const stored = org.calling.backend;
    return stored && BACKENDS.includes(stored) ? stored : 'WebexCalling';
}

/** The objects a call log of this direction can relate to, in the administrator's order (empty: none). */
export function relatedObjects(org: EmulatedOrg, direction: CallLogDirection): string[] {
    return (org.calling.callLogObjects.get(direction) ?? []).filter((name) => describeObject(name) !== undefined);
}

/** The chosen phone fields of an object; every phone-type field when none was chosen. */
export function phoneFields(org: EmulatedOrg, objectApiName: string): string[] {
    const available = phoneTypeFields(objectApiName);
    const chosen = (org.calling.phoneFields.get(objectApiName) ?? []).filter((field) => available.includes(field));
    return chosen.length ? chosen : available;
}

/** Every More info tab configuration (what WebexCallLogTabSelector.all returns), oldest first. */
export function callLogTabs(org: EmulatedOrg): CallLogTabSetting[] {
    return org.calling.callLogTabs.map((record) => {
        const values = tabFields(org, record);
        return {
            id: record.Id,
            objectApiName: values.ObjectApiName__c,
            accountField: values.AccountField__c,
            fields: values.Fields__c ? values.Fields__c.split(',') : []
        };
    });
}
