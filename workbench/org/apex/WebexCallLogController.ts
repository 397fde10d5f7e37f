/**
 * The emulated org's WebexCallLogController and its services (classes/calling/WebexCallLog*): call logs written as
 * Tasks of the record store, one per call and owner; More info tabs read from the WebexCallLogTab__c records; the
 * records Related to finds by name. The same rules and messages as the Apex, held to the same typed contract
 * (types/apex.d.ts). The emulated org has no sharing or field-level security: a record the rep "cannot access" is
 * one that no longer exists (a story deletes it).
 */
import type getMoreInfo from '@salesforce/apex/WebexCallLogController.getMoreInfo';
import type saveCallLog from '@salesforce/apex/WebexCallLogController.saveCallLog';
import type searchRelatedRecords from '@salesforce/apex/WebexCallLogController.searchRelatedRecords';
import { AuraHandledError } from '../apex-error.ts';
import type { EmulatedOrg } from '../org-state.ts';
import { describeObject, type FieldValue, type SObjectRecord } from '../records.ts';
import { readableObject } from './calling-schema.ts';
import { callLogTabs, relatedObjects, type CallLogDirection, type CallLogTabSetting } from './calling-settings.ts';

export interface WebexCallLogControllerApi {
    saveCallLog: typeof saveCallLog;
    getMoreInfo: typeof getMoreInfo;
    searchRelatedRecords: typeof searchRelatedRecords;
}

/** As WebexCallLogService. */
export const SUBJECT_MAX_LENGTH = 255;
export const COMMENTS_MAX_LENGTH = 32000;
export const TEXT_MAX_LENGTH = 255;
/** As WebexCallLogSelector.MAX_TABS, WebexCallLogMoreInfo.MAX_RECORDS and WebexCallLogSearch. */
export const MAX_TABS = 10;
export const MAX_RECORDS = 5;
export const MAX_RESULTS = 10;
export const MIN_TERM_LENGTH = 2;
export const MAX_TERM_LENGTH = 80;

const FEATURE_BY_DIRECTION: Record<CallLogDirection, WebexFeature> = {
    Outbound: 'OutboundCallLog',
    Inbound: 'InboundCallLog'
};

/**
 * WebexCallLogLock: a rep's saves run one after the other. Per org (a story's reset makes a new org state, not a
 * new lock table: the chains simply finish), per user.
 */
const locks = new WeakMap<EmulatedOrg, Map<string, Promise<void>>>();

async function withUserLock<T>(org: EmulatedOrg, userId: string, body: () => Promise<T>): Promise<T> {
    const byUser = locks.get(org) ?? new Map<string, Promise<void>>();
    locks.set(org, byUser);
    const previous = byUser.get(userId) ?? Promise.resolve();
    let release: () => void = () => undefined;
    const mine = new Promise<void>((resolve) => (release = resolve));
    byUser.set(
        userId,
        previous.then(() => mine)
    );
    await previous;
    try {
        return await body();
    } finally {
        release();
    }
}

/** A database round trip: lets another request run between the lookup and the write, as in an org. */
function roundTrip(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
}

export function createWebexCallLogController(org: EmulatedOrg): WebexCallLogControllerApi {
    const invalid = (what: string): AuraHandledError =>
        new AuraHandledError('INVALID_INPUT', org.label('WebexError_InvalidInput', what));
    const refused = (code: WebexErrorCode, label: string, ...args: Array<string | number>): AuraHandledError =>
        new AuraHandledError(code, org.label(label, ...args));
    const language = (): 'en' | 'fr' => org.user.language;
    // An object's label or plural label as the org names it for the user (renamed, translated): Schema describe.
    const labelOf = (objectApiName: string): string =>
        describeObject(objectApiName)?.label[language()] ?? objectApiName;
    const pluralOf = (objectApiName: string): string =>
        describeObject(objectApiName)?.labelPlural[language()] ?? objectApiName;
    // WebexCallLogValidator.tooLong: Integer.format(), in the user's locale (« 32 000 » in French).
    const maxLength = (value: number): string => value.toLocaleString(language() === 'fr' ? 'fr-FR' : 'en-US');
    const isDirection = (value: unknown): value is CallLogDirection => value === 'Outbound' || value === 'Inbound';
    const isBlank = (value: unknown): boolean => typeof value !== 'string' || !value.trim();
    const idOf = (value: unknown, what: string): string | null => {
        if (value === null || value === undefined || (typeof value === 'string' && !value.trim())) return null;
        if (typeof value !== 'string' || !/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(value.trim())) throw invalid(what);
        return value.trim();
    };

    const hasFeature = (feature: WebexFeature): boolean => {
        const profileId = org.records.get(org.user.id)?.ProfileId;
        return org.featureAccess.isEnabled(feature, org.user.id, typeof profileId === 'string' ? profileId : null);
    };

    /** WebexCallLogService.check, in the same order and words. */
    const check = (log: WebexCallLogInput | null | undefined): WebexCallLogInput & { direction: CallLogDirection } => {
        if (!log || typeof log !== 'object') throw invalid('log');
        if (isBlank(log.callId) || log.callId.length > TEXT_MAX_LENGTH) throw invalid('callId');
        if (!isDirection(log.direction)) throw invalid('direction (Outbound, Inbound)');
        if (isBlank(log.subject)) throw refused('INVALID_INPUT', 'WebexCallLog_SubjectRequired');
        if (log.subject.trim().length > SUBJECT_MAX_LENGTH)
            throw refused('INVALID_INPUT', 'WebexCallLog_SubjectTooLong', maxLength(SUBJECT_MAX_LENGTH));
        if (typeof log.comments === 'string' && log.comments.length > COMMENTS_MAX_LENGTH)
            throw refused('INVALID_INPUT', 'WebexCallLog_CommentsTooLong', maxLength(COMMENTS_MAX_LENGTH));
        if (typeof log.disposition === 'string' && log.disposition.length > TEXT_MAX_LENGTH)
            throw invalid('disposition');
        if (log.durationSeconds !== null && log.durationSeconds !== undefined && !(log.durationSeconds >= 0))
            throw invalid('durationSeconds');
        const whoId = idOf(log.whoId, 'whoId');
        const whatId = idOf(log.whatId, 'whatId');
        const whoType = whoId ? org.records.objectOf(whoId) : undefined;
        if (whoId && whoType !== 'Contact' && whoType !== 'Lead') throw invalid('whoId (Contact, Lead)');
        if (whatId) {
            const whatType = org.records.objectOf(whatId);
            if (!whatType) throw invalid('whatId');
            const allowed = relatedObjects(org, log.direction).map((name) => name.toLowerCase());
            if (!allowed.includes(whatType.toLowerCase()))
                throw refused('INVALID_INPUT', 'WebexCallLog_RelatedNotAllowed', pluralOf(whatType));
            if (whoType === 'Lead') throw refused('INVALID_INPUT', 'WebexCallLog_LeadWithRelated', pluralOf('Lead'));
        }
        return { ...log, direction: log.direction, whoId, whatId };
    };

    /** The database's refusal of a lookup to a record gone (or, in an org, not shared): WebexCallLogErrors. */
    const requireRecords = (log: WebexCallLogInput): void => {
        for (const id of [log.whoId, log.whatId]) {
            if (id && !org.records.get(id))
                throw refused('NOT_FOUND', 'WebexCallLog_RecordUnavailable', labelOf('Contact'), labelOf('Lead'));
        }
    };

    const taskOf = (callId: string): SObjectRecord | undefined =>
        org.records.find(['Task'], (task) => task.CallObject === callId && task.OwnerId === org.user.id)[0]?.record;

    const today = (): string => new Date().toISOString().slice(0, 10);

    /** WebexCallLogDisplay.valueOf. */
    const display = (objectApiName: string, field: string, record: SObjectRecord): string | null => {
        const value = record[field];
        if (value === null || value === undefined || value === '') return null;
        const describe = describeObject(objectApiName)?.fields[field];
        const locale = language() === 'fr' ? 'fr-FR' : 'en-US';
        switch (describe?.type) {
            case 'Reference': {
                const related = org.records.get(String(value));
                const target = related ? describeObject(org.records.objectOf(related.Id) ?? '') : undefined;
                const name = related && target ? related[target.nameField] : null;
                return name === null || name === undefined ? String(value) : String(name);
            }
            case 'Date':
                return new Intl.DateTimeFormat(locale, { timeZone: 'UTC' }).format(new Date(String(value)));
            case 'Boolean':
                return org.label(value === true ? 'WebexCallLog_Yes' : 'WebexCallLog_No');
            case 'Currency':
                return `USD ${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(value))}`;
            case 'Percent':
                return `${new Intl.NumberFormat(locale).format(Number(value))} %`;
            case 'Double':
            case 'Int':
                return new Intl.NumberFormat(locale).format(Number(value));
            default:
                return String(value);
        }
    };

    /** WebexCallLogMoreInfo.plan: null when the object or account field is gone, or no field is left. */
    const plan = (
        config: CallLogTabSetting
    ): { objectApiName: string; accountField: string; fields: string[] } | null => {
        const objectApiName = readableObject(config.objectApiName);
        const describe = objectApiName ? describeObject(objectApiName) : undefined;
        if (!objectApiName || !describe) return null;
        // As a describe's field map: any case.
        const fieldNamed = (name: string): string | undefined =>
            [...Object.keys(describe.fields), 'Id'].find((known) => known.toLowerCase() === name.trim().toLowerCase());
        const accountField = fieldNamed(config.accountField ?? '');
        if (!accountField || describe.fields[accountField]?.referenceTo !== 'Account') return null;
        const fields = [...new Set(config.fields.map(fieldNamed).filter((name): name is string => name !== undefined))];
        return fields.length ? { objectApiName, accountField, fields } : null;
    };

    return {
        saveCallLog: async ({ log }) => {
            const checked = check(log);
            if (!hasFeature(FEATURE_BY_DIRECTION[checked.direction]))
                throw refused(
                    'FORBIDDEN',
                    checked.direction === 'Outbound' ? 'WebexCallLog_OutboundOff' : 'WebexCallLog_InboundOff'
                );
            return withUserLock(org, org.user.id, async () => {
                const existing = taskOf(checked.callId);
                // The lookup and the write are two round trips: the lock, not luck, keeps one Task per call.
                await roundTrip();
                requireRecords(checked);
                const fields: Record<string, FieldValue> = {
                    Subject: checked.subject.trim(),
                    Description: isBlank(checked.comments) ? null : (checked.comments as string),
                    WhoId: checked.whoId,
                    WhatId: checked.whatId,
                    Status: 'Completed',
                    Type: 'Call',
                    CallType: checked.direction,
                    CallDisposition: isBlank(checked.disposition) ? null : (checked.disposition as string).trim()
                };
                if (typeof checked.durationSeconds === 'number') fields.CallDurationInSeconds = checked.durationSeconds;
                if (existing) {
                    org.records.update(existing.Id, fields);
                    return { taskId: existing.Id, created: false };
                }
                const taskId = org.records.insert('Task', {
                    ...fields,
                    OwnerId: org.user.id,
                    TaskSubtype: 'Call',
                    CallObject: checked.callId,
                    ActivityDate: today(),
                    CallDurationInSeconds: fields.CallDurationInSeconds ?? null
                });
                return { taskId, created: true };
            });
        },

        getMoreInfo: async ({ recordId }) => {
            const callerId = idOf(recordId, 'recordId');
            const caller =
                callerId && org.records.objectOf(callerId) === 'Contact' ? org.records.get(callerId) : undefined;
            const accountId = caller?.AccountId;
            if (typeof accountId !== 'string' || !accountId)
                throw refused(
                    'NOT_FOUND',
                    'WebexCallLog_MoreInfoNeedsAccount',
                    pluralOf('Contact'),
                    pluralOf('Account')
                );
            const tabs: WebexMoreInfoTab[] = [];
            for (const config of callLogTabs(org).slice(0, MAX_TABS)) {
                const usable = plan(config);
                if (!usable) continue;
                const describe = describeObject(usable.objectApiName)!;
                const records = org.records
                    .find([usable.objectApiName], (record) => record[usable.accountField] === accountId)
                    .map((found) => found.record)
                    .reverse()
                    .slice(0, MAX_RECORDS);
                tabs.push({
                    objectApiName: usable.objectApiName,
                    objectLabel: pluralOf(usable.objectApiName),
                    fields: usable.fields.map((apiName) => ({
                        apiName,
                        label: describe.fields[apiName]?.label[language()] ?? apiName
                    })),
                    records: records.map((record) => ({
                        id: record.Id,
                        values: usable.fields.map((field) => display(usable.objectApiName, field, record))
                    }))
                });
            }
            return tabs;
        },

        searchRelatedRecords: async ({ direction, objectApiName, searchTerm }) => {
            if (!isDirection(direction)) throw invalid('direction (Outbound, Inbound)');
            const wanted = typeof objectApiName === 'string' ? objectApiName.trim().toLowerCase() : '';
            const allowed = relatedObjects(org, direction).find((name) => name.toLowerCase() === wanted);
            if (!allowed) throw refused('INVALID_INPUT', 'WebexCallLog_RelatedNotAllowed', String(objectApiName));
            const term = typeof searchTerm === 'string' ? searchTerm.trim().slice(0, MAX_TERM_LENGTH) : '';
            if (term.length < MIN_TERM_LENGTH) return [];
            const nameField = describeObject(allowed)?.nameField ?? 'Name';
            return org.records
                .list(allowed)
                .filter((record) =>
                    String(record[nameField] ?? '')
                        .toLowerCase()
                        .includes(term.toLowerCase())
                )
                .slice(0, MAX_RESULTS)
                .map((record) => ({ id: record.Id, name: String(record[nameField] ?? '') }));
        }
    };
}
