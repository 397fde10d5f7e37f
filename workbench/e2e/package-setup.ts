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

/** Contacts given a role on an Opportunity (its Contact Roles related list), as a rep adds them. */
export async function addContactRoles(
    wb: Workbench,
    opportunityId: string,
    roles: Array<{ contactId: string; role: string; primary?: boolean }>
): Promise<void> {
    const rows = roles.map(
        ({ contactId, role, primary }) =>
            `new OpportunityContactRole(OpportunityId = ${apexString(opportunityId)}, ContactId = ${apexString(contactId)}, Role = ${apexString(role)}, IsPrimary = ${primary === true})`
    );
    await runApex(wb, `insert new List<OpportunityContactRole>{ ${rows.join(', ')} };`);
}

/**
 * A Salesforce File on a record, uploaded by `user` (default the administrator) as Files › Upload does: a
 * ContentVersion published to the record. Returns the version's Id (what `/sfc/servlet.shepherd/version/download/`
 * serves). The Apex runtime does not create the version's ContentDocument and link as the platform does on insert
 * ("FirstPublishLocationId": Object Reference › ContentVersion); when it did not, they are created here.
 */
export async function addRecordFile(
    wb: Workbench,
    recordId: string,
    file: { pathOnClient: string; content: string },
    user?: string
): Promise<string> {
    const title = file.pathOnClient.replace(/\.[^.]+$/, '');
    const extension = /\.([^.]+)$/.exec(file.pathOnClient)?.[1] ?? null;
    const [versionId] = await runApex(
        wb,
        `Blob data = Blob.valueOf(${apexString(file.content)});
        ContentVersion version = new ContentVersion(Title = ${apexString(title)}, PathOnClient = ${apexString(file.pathOnClient)}, VersionData = data, FirstPublishLocationId = ${apexString(recordId)});
        insert version;
        version = [SELECT Id, ContentDocumentId FROM ContentVersion WHERE Id = :version.Id];
        if (version.ContentDocumentId == null) {
            ContentDocument document = new ContentDocument(Title = ${apexString(title)}, LatestPublishedVersionId = version.Id, FileExtension = ${extension ? apexString(extension) : 'null'}, ContentSize = data.size());
            insert document;
            version.ContentDocumentId = document.Id;
            update version;
            insert new ContentDocumentLink(ContentDocumentId = document.Id, LinkedEntityId = ${apexString(recordId)}, ShareType = 'V');
        }
        System.debug(version.Id);`,
        user
    );
    return versionId;
}

/** Webex's REST as a seeded Webex person (their own token), e.g. to post in a space as a colleague would. */
export async function webexAs<T = Record<string, unknown>>(
    wb: Workbench,
    email: string,
    method: string,
    path: string,
    body?: unknown
): Promise<T> {
    const person = wb.emulator.state.userByEmail(email);
    assert.ok(person, `no Webex person ${email}`);
    const response = await fetch(`${wb.emulator.url}/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${person.accessToken}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body)
    });
    assert.ok(response.ok, `${method} ${path} as ${email}: ${response.status} ${await response.clone().text()}`);
    return (response.status === 204 ? {} : await response.json()) as T;
}

/** `count` messages posted in a space by `email`, one after the other (the first is the oldest). */
export async function seedMessages(
    wb: Workbench,
    email: string,
    roomId: string,
    count: number,
    text: (index: number) => string
): Promise<void> {
    for (let index = 0; index < count; index += 1)
        await webexAs(wb, email, 'POST', '/messages', { roomId, text: text(index) });
}

/** The Webex space a Webex person sees with that title (the newest), or undefined. */
export async function webexRoomByTitle(
    wb: Workbench,
    email: string,
    title: string
): Promise<{ id: string } | undefined> {
    const rooms = await webexAs<{ items: Array<{ id: string; title: string }> }>(wb, email, 'GET', '/rooms?max=1000');
    return rooms.items.find((room) => room.title === title);
}
