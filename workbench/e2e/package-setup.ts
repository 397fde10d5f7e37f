/**
 * Setting the package up in a running workbench the way an administrator's script would: anonymous Apex calling the
 * package's own services and stores (`/_org/control/execute-anonymous`), so no story knows how the package stores
 * anything. Reading back goes the same way (System.debug).
 */
import assert from 'node:assert/strict';
import type { Workbench } from '../server.ts';
import { apexString } from '../org/setup-apex.ts';

/** Runs anonymous Apex as a seeded user (default the administrator); returns its System.debug messages. */
export async function runApex(wb: Workbench, apex: string, user?: string): Promise<string[]> {
    const response = await fetch(`${wb.url}/_org/control/execute-anonymous`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ apex, ...(user ? { user } : {}) })
    });
    const answer = (await response.json()) as { success: boolean; debug?: string[]; exceptionMessage?: string };
    assert.ok(answer.success, `anonymous Apex failed: ${answer.exceptionMessage}\n${apex}`);
    return answer.debug ?? [];
}

/** A package feature (WebexFeatureAccess__c field without `__c`: `OutboundCallLog`, `CallHistory`…). */
export type Feature = string;

/** Enables features for every profile and user, as the section's "Enable … for all" checkbox does. */
export async function enableForAll(wb: Workbench, ...features: Feature[]): Promise<void> {
    const fields = features.map((feature) => `WebexFeatureAccess__c.${feature}__c`).join(', ');
    await runApex(
        wb,
        `for (Schema.SObjectField field : new List<Schema.SObjectField>{ ${fields} }) { new WebexFeatureAccessStore().switchOnForAll(field); }`
    );
}

/** The objects a call log may be linked to, per direction (`Outbound`, `Inbound`), as Calling Settings saves them. */
export async function setCallLogObjects(
    wb: Workbench,
    direction: 'Outbound' | 'Inbound',
    objects: string[]
): Promise<void> {
    await runApex(
        wb,
        `new WebexCallingSettingsStore().replaceCallLogObjects(${apexString(direction)}, new List<String>{ ${objects.map(apexString).join(', ')} });`
    );
}

/** Chooses the calling backend (`Webex`, `UnifiedCM`), as Calling Settings saves it. */
export async function setCallingBackend(wb: Workbench, backend: string): Promise<void> {
    await runApex(wb, `new WebexCallingSettingsStore().saveBackend(${apexString(backend)});`);
}

/** A protected setting's value the package stored (`WebexSetupStore`, `WebexIntegrationStore` reads), or null. */
export async function readApex(wb: Workbench, expression: string, user?: string): Promise<string | null> {
    const [value] = await runApex(
        wb,
        `Object value = ${expression}; System.debug(value == null ? '<null>' : String.valueOf(value));`,
        user
    );
    return value === '<null>' ? null : value;
}

/** The Queueable jobs run so far, once every enqueued one ran (Setup › Apex Jobs). */
export async function jobsSettled(wb: Workbench): Promise<Array<{ name: string; status: string; error?: string }>> {
    const response = await fetch(`${wb.url}/_org/control/jobs`, { method: 'POST' });
    return ((await response.json()) as { jobs: Array<{ name: string; status: string; error?: string }> }).jobs;
}

/** A More info tab as stored (WebexCallLogTab__c), written as is: a field deleted since it was saved stays listed. */
export async function insertCallLogTab(
    wb: Workbench,
    tab: { objectApiName: string; accountField: string; fields: string[] }
): Promise<void> {
    await runApex(
        wb,
        `insert new WebexCallLogTab__c(ObjectApiName__c = ${apexString(tab.objectApiName)}, AccountField__c = ${apexString(tab.accountField)}, Fields__c = ${apexString(tab.fields.join(','))});`
    );
}

/** What an Apex expression evaluates to, through `JSON.serialize` (lists, maps, records, booleans…), run as `user`. */
export async function readApexJson<T = unknown>(wb: Workbench, expression: string, user?: string): Promise<T> {
    const [json] = await runApex(wb, `System.debug(JSON.serialize(${expression}));`, user);
    return JSON.parse(json) as T;
}

/** Setup › Permission Sets › Manage Assignments: gives `user` (email or username) the permission set. */
export async function assignPermissionSet(wb: Workbench, permissionSet: string, user: string): Promise<void> {
    const response = await fetch(`${wb.url}/_org/control/assign`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ permissionSet, user })
    });
    assert.equal(response.status, 200, `assigning ${permissionSet} to ${user}: ${await response.text()}`);
}

/**
 * The names of the package's protected secret rows (WebexCredential__c) that hold a value, sorted: what Setup ›
 * Custom Settings › Manage would list, never the secrets themselves.
 */
export async function storedCredentialRows(wb: Workbench): Promise<string[]> {
    const names = await runApex(
        wb,
        `for (WebexCredential__c row : WebexCredential__c.getAll().values()) {
            if (String.isNotBlank(row.Secret__c)) { System.debug(row.Name); }
        }`
    );
    return names.sort();
}

/** The phone fields Make a Call offers for an object, in order, as the Webex Phone Fields section saves them. */
export async function setPhoneFields(wb: Workbench, objectApiName: string, fields: string[]): Promise<void> {
    await runApex(
        wb,
        `new WebexCallingSettingsStore().replacePhoneFields(new Map<String, List<String>>{ ${apexString(objectApiName)} => new List<String>{ ${fields.map(apexString).join(', ')} } });`
    );
}

/**
 * The sample Contacts and Leads as if saved before the package was installed, without their phone keys: loaded the
 * way docs/calling.md tells an administrator to load data without the keys ("Turning the phone keys off for a data
 * load": a permission set of their own with Webex Skip Phone Keys, assigned for the load, removed afterwards).
 */
export async function loadWithoutPhoneKeys(wb: Workbench): Promise<void> {
    await runApex(
        wb,
        `PermissionSet load = new PermissionSet(Name = 'Data_Load', Label = 'Data Load');
        insert load;
        CustomPermission skip = [SELECT Id FROM CustomPermission WHERE DeveloperName = 'Webex_Skip_Phone_Keys'];
        insert new SetupEntityAccess(ParentId = load.Id, SetupEntityId = skip.Id);
        insert new PermissionSetAssignment(PermissionSetId = load.Id, AssigneeId = UserInfo.getUserId());`
    );
    await runApex(
        wb,
        `List<SObject> records = new List<SObject>();
        records.addAll((List<SObject>) [SELECT Id FROM Contact]);
        records.addAll((List<SObject>) [SELECT Id FROM Lead WHERE IsConverted = false]);
        for (SObject record : records) {
            for (Schema.SObjectField key : WebexPhoneKeys.KEY_FIELDS.get(record.getSObjectType())) {
                record.put(key, null);
            }
        }
        update records;`
    );
    await runApex(wb, `delete [SELECT Id FROM PermissionSetAssignment WHERE PermissionSet.Name = 'Data_Load'];`);
}
