import { getObjectInfo } from 'lightning/uiObjectInfoApi';

type ObjectInfoConfig = { objectApiName: { objectApiName: string } };
/** sfdx-lwc-jest's test wire adapter for getObjectInfo: emits to the wires whose config the filter accepts. */
type ObjectInfoAdapter = { emit(data: Partial<UiObjectInfo>, filter: (config: ObjectInfoConfig) => boolean): void };

/** What getObjectInfo gives for `object` in an org that named it `label` / `labelPlural` (renamed, translated). */
export function emitObjectInfo(object: string, label: string, labelPlural: string): void {
    (getObjectInfo as unknown as ObjectInfoAdapter).emit(
        { apiName: object, label, labelPlural },
        (config) => config.objectApiName.objectApiName === object
    );
}

/** What getObjectInfo gives in an English org that kept the usual names. */
export function emitUsualNames(): void {
    emitObjectInfo('Contact', 'Contact', 'Contacts');
    emitObjectInfo('Lead', 'Lead', 'Leads');
}

/** An org whose administrator renamed Lead to "Prospect" (Setup > Rename Tabs and Labels). */
export function emitLeadRenamed(): void {
    emitObjectInfo('Contact', 'Contact', 'Contacts');
    emitObjectInfo('Lead', 'Prospect', 'Prospects');
}
