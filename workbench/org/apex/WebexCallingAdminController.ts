/**
 * The emulated org's WebexCallingAdminController, WebexCallingAdminService and WebexCallLogTabService
 * (classes/calling/admin/): the same rules, order of checks and messages as the Apex, held to the same typed contract
 * (types/apex.d.ts). What can be chosen comes from calling-schema.ts; what is stored lives in org.calling.
 */
import type deleteCallLogTab from '@salesforce/apex/WebexCallingAdminController.deleteCallLogTab';
import type getCallingBackend from '@salesforce/apex/WebexCallingAdminController.getCallingBackend';
import type getCallLogObjects from '@salesforce/apex/WebexCallingAdminController.getCallLogObjects';
import type getCallLogTabObjects from '@salesforce/apex/WebexCallingAdminController.getCallLogTabObjects';
import type getCallLogTabOptions from '@salesforce/apex/WebexCallingAdminController.getCallLogTabOptions';
import type getCallLogTabs from '@salesforce/apex/WebexCallingAdminController.getCallLogTabs';
import type getPhoneFields from '@salesforce/apex/WebexCallingAdminController.getPhoneFields';
import type saveCallingBackend from '@salesforce/apex/WebexCallingAdminController.saveCallingBackend';
import type saveCallLogObjects from '@salesforce/apex/WebexCallingAdminController.saveCallLogObjects';
import type saveCallLogTab from '@salesforce/apex/WebexCallingAdminController.saveCallLogTab';
import type savePhoneFields from '@salesforce/apex/WebexCallingAdminController.savePhoneFields';
import { AuraHandledError } from '../apex-error.ts';
import type { EmulatedOrg } from '../org-state.ts';
import { requireAdmin } from './admin-access.ts';
import {
    BACKENDS,
    CALL_LOG_TAB_PREFIX,
    DIRECTIONS,
    callingBackend,
    callLogTabs,
    phoneFields,
    relatedObjects,
    tabFields,
    type CallLogDirection
} from './calling-settings.ts';
import {
    accountFieldOptions,
    accountRelatedObjectOptions,
    callLogObjectOptions,
    fieldLabel,
    objectLabel,
    phoneFieldOptions,
    readableObject,
    showableFieldOptions,
    type NamedOption
} from './calling-schema.ts';

/** The objects "Webex Phone Fields" always lists (WebexCallingAdminService.PHONE_FIELD_OBJECTS). */
export const PHONE_FIELD_OBJECTS: readonly string[] = ['Contact', 'Lead'];

const SALESFORCE_ID = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/;

export interface WebexCallingAdminControllerApi {
    getPhoneFields: typeof getPhoneFields;
    savePhoneFields: typeof savePhoneFields;
    getCallLogObjects: typeof getCallLogObjects;
    saveCallLogObjects: typeof saveCallLogObjects;
    getCallLogTabs: typeof getCallLogTabs;
    getCallLogTabObjects: typeof getCallLogTabObjects;
    getCallLogTabOptions: typeof getCallLogTabOptions;
    saveCallLogTab: typeof saveCallLogTab;
    deleteCallLogTab: typeof deleteCallLogTab;
    getCallingBackend: typeof getCallingBackend;
    saveCallingBackend: typeof saveCallingBackend;
}

export function createWebexCallingAdminController(org: EmulatedOrg): WebexCallingAdminControllerApi {
    const lang = () => org.user.language;
    const refuse = (label: string, ...names: Array<string | number>): AuraHandledError =>
        new AuraHandledError('INVALID_INPUT', org.label(label, ...names));
    const invalidInput = (what: string): AuraHandledError => refuse('WebexError_InvalidInput', what);
    const find = (options: NamedOption[], name: unknown): NamedOption | undefined =>
        typeof name === 'string'
            ? options.find((option) => option.apiName.toLowerCase() === name.toLowerCase())
            : undefined;

    const requireObject = (name: unknown): string => {
        const found = readableObject(name);
        if (!found) throw refuse('WebexCallingAdmin_UnknownObject', String(name));
        return found;
    };

    const requireDirection = (direction: unknown): CallLogDirection => {
        if (!(DIRECTIONS as readonly unknown[]).includes(direction))
            throw invalidInput(`direction (${DIRECTIONS.join(', ')})`);
        return direction as CallLogDirection;
    };

    // ---- phone fields ----

    const phoneFieldObjects = (): WebexPhoneFieldsObject[] => {
        const names = [...PHONE_FIELD_OBJECTS];
        for (const stored of org.calling.phoneFields.keys()) {
            if (!names.some((name) => name.toLowerCase() === stored.toLowerCase())) names.push(stored);
        }
        return names
            .map((name) => readableObject(name))
            .filter((name): name is string => name !== null)
            .map((name) => ({
                objectApiName: name,
                objectLabel: objectLabel(name, lang()),
                available: phoneFieldOptions(name, lang()),
                selected: phoneFields(org, name)
            }));
    };

    const checkPhoneFields = (objectApiName: string, fields: unknown): string[] => {
        const label = objectLabel(objectApiName, lang());
        if (!Array.isArray(fields) || fields.length === 0) throw refuse('WebexCallingAdmin_PhoneFieldsRequired', label);
        const available = phoneFieldOptions(objectApiName, lang());
        const checked: string[] = [];
        for (const field of fields) {
            const option = find(available, field);
            if (!option) throw refuse('WebexCallingAdmin_NotPhoneField', String(field), label);
            if (!checked.includes(option.apiName)) checked.push(option.apiName);
        }
        return checked;
    };

    // ---- call-log objects ----

    const callLogObjects = (direction: CallLogDirection): WebexCallLogObjectsSettings => {
        const available = callLogObjectOptions(lang());
        const selected = relatedObjects(org, direction)
            .map((name) => find(available, name)?.apiName)
            .filter((name): name is string => name !== undefined);
        return { direction, available, selected };
    };

    // ---- More info tabs ----

    const tabConfigs = (): WebexCallLogTabConfig[] =>
        callLogTabs(org).map((tab) => {
            const objectApiName = readableObject(tab.objectApiName) ?? tab.objectApiName;
            return {
                id: tab.id,
                objectApiName,
                objectLabel: objectLabel(objectApiName, lang()),
                accountField: tab.accountField,
                accountFieldLabel: fieldLabel(objectApiName, tab.accountField, lang()),
                fields: tab.fields.map((apiName) => ({ apiName, label: fieldLabel(objectApiName, apiName, lang()) }))
            };
        });

    /** A configuration's ID: well formed and of WebexCallLogTab__c (WebexCallLogTabService.requireTabId). */
    const requireTabId = (value: unknown): string => {
        if (typeof value !== 'string' || !SALESFORCE_ID.test(value) || !value.startsWith(CALL_LOG_TAB_PREFIX))
            throw invalidInput('configId (Webex Call Log Tab ID)');
        return value;
    };

    const existingTab = (id: string) =>
        org.calling.callLogTabs.find((record) => record.Id.slice(0, 15) === id.slice(0, 15));

    const tabGone = (): AuraHandledError => new AuraHandledError('NOT_FOUND', org.label('WebexCallingAdmin_TabGone'));

    return {
        getPhoneFields: async () => {
            requireAdmin(org);
            return phoneFieldObjects();
        },

        savePhoneFields: async ({ selectedByObject }) => {
            requireAdmin(org);
            if (
                typeof selectedByObject !== 'object' ||
                selectedByObject === null ||
                !Object.keys(selectedByObject).length
            )
                throw invalidInput('selectedByObject');
            // Everything is checked before anything is stored: the Apex saves in one transaction.
            const checked = new Map<string, string[]>();
            for (const [name, fields] of Object.entries(selectedByObject)) {
                const objectApiName = requireObject(name);
                checked.set(objectApiName, checkPhoneFields(objectApiName, fields));
            }
            for (const [objectApiName, fields] of checked) {
                for (const stored of [...org.calling.phoneFields.keys()]) {
                    if (stored.toLowerCase() === objectApiName.toLowerCase()) org.calling.phoneFields.delete(stored);
                }
                org.calling.phoneFields.set(objectApiName, fields);
            }
            return phoneFieldObjects();
        },

        getCallLogObjects: async ({ direction }) => {
            requireAdmin(org);
            return callLogObjects(requireDirection(direction));
        },

        saveCallLogObjects: async ({ direction, objectApiNames }) => {
            requireAdmin(org);
            const checkedDirection = requireDirection(direction);
            if (!Array.isArray(objectApiNames)) throw invalidInput('objectApiNames');
            const available = callLogObjectOptions(lang());
            const chosen: string[] = [];
            for (const name of objectApiNames) {
                const option = find(available, name);
                if (!option) throw refuse('WebexCallingAdmin_NotCallLogObject', String(name));
                if (!chosen.includes(option.apiName)) chosen.push(option.apiName);
            }
            org.calling.callLogObjects.set(checkedDirection, chosen);
            return callLogObjects(checkedDirection);
        },

        getCallLogTabs: async () => {
            requireAdmin(org);
            return tabConfigs();
        },

        getCallLogTabObjects: async () => {
            requireAdmin(org);
            return accountRelatedObjectOptions(lang());
        },

        getCallLogTabOptions: async ({ objectApiName }) => {
            requireAdmin(org);
            const name = requireObject(objectApiName);
            return {
                objectApiName: name,
                accountFields: accountFieldOptions(name, lang()),
                fields: showableFieldOptions(name, lang())
            };
        },

        saveCallLogTab: async ({ config }) => {
            requireAdmin(org);
            if (typeof config !== 'object' || config === null) throw invalidInput('config');
            if (!config.objectApiName) throw refuse('WebexCallingAdmin_TabObjectRequired');
            const objectApiName = requireObject(config.objectApiName);
            const label = objectLabel(objectApiName, lang());
            if (!config.accountField)
                throw refuse('WebexCallingAdmin_TabAccountFieldRequired', label, objectLabel('Account', lang()));
            const accountField = find(accountFieldOptions(objectApiName, lang()), config.accountField);
            if (!accountField)
                throw refuse(
                    'WebexCallingAdmin_NotAccountField',
                    String(config.accountField),
                    label,
                    objectLabel('Account', lang())
                );
            if (!Array.isArray(config.fields) || config.fields.length === 0)
                throw refuse('WebexCallingAdmin_TabFieldsRequired');
            const showable = showableFieldOptions(objectApiName, lang());
            const fields: string[] = [];
            for (const field of config.fields) {
                const option = find(showable, field);
                if (!option) throw refuse('WebexCallingAdmin_NotShowableField', String(field), label);
                if (!fields.includes(option.apiName)) fields.push(option.apiName);
            }
            const id = config.id ? requireTabId(config.id) : null;
            const existing = id ? existingTab(id) : undefined;
            if (id && !existing) throw tabGone();
            const duplicate = org.calling.callLogTabs.find(
                (record) =>
                    record !== existing &&
                    tabFields(org, record).ObjectApiName__c.toLowerCase() === objectApiName.toLowerCase()
            );
            if (duplicate) throw refuse('WebexCallingAdmin_TabDuplicate', label);
            org.calling.saveCallLogTab({
                id: existing?.Id ?? null,
                objectApiName,
                accountField: accountField.apiName,
                fields
            });
            return tabConfigs();
        },

        deleteCallLogTab: async ({ configId }) => {
            requireAdmin(org);
            const existing = existingTab(requireTabId(configId));
            if (!existing) throw tabGone();
            org.calling.deleteCallLogTab(existing.Id);
            return tabConfigs();
        },

        getCallingBackend: async () => {
            requireAdmin(org);
            return callingBackend(org);
        },

        saveCallingBackend: async ({ backend }) => {
            requireAdmin(org);
            if (!BACKENDS.includes(backend)) throw refuse('WebexCallingAdmin_InvalidBackend');
            org.calling.backend = backend;
            return callingBackend(org);
        }
    };
}
