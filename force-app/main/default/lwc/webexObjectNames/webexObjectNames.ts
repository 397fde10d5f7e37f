/**
 * Contact's, Lead's and Account's names as the org labels them for this user (renamed in Setup > Rename Tabs and
 * Labels, translated by the platform), for the labels that name them (`{0}`, `{1}`): "Prospects" where the org
 * renamed Lead, in every language. A component that names Contact and Lead extends `ObjectNamesElement`, one that
 * also names Account (the call log, the caller's account) `AccountNamesElement`, and reads `objectNames`; until
 * getObjectInfo answers (or if it fails) they are the usual names, from the package's labels.
 *
 * getObjectInfo is cached by Lightning Data Service, so every component that extends this shares one request
 * per object (https://developer.salesforce.com/docs/platform/lwc/guide/reference-wire-adapters-object-info.html).
 */
import { LightningElement, wire } from 'lwc';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import ACCOUNT_OBJECT from '@salesforce/schema/Account';
import CONTACT_OBJECT from '@salesforce/schema/Contact';
import LEAD_OBJECT from '@salesforce/schema/Lead';
import ACCOUNT from '@salesforce/label/c.WebexObjectNames_Account';
import ACCOUNTS from '@salesforce/label/c.WebexObjectNames_Accounts';
import CONTACT from '@salesforce/label/c.WebexPeople_Contact';
import CONTACTS from '@salesforce/label/c.WebexPeople_Contacts';
import LEAD from '@salesforce/label/c.WebexPeople_Lead';
import LEADS from '@salesforce/label/c.WebexPeople_Leads';

/** The objects whose records are people the package searches, calls and creates. */
export type PersonObject = 'Contact' | 'Lead';
/** The objects the package's labels name. */
export type NamedObject = PersonObject | 'Account';

/** An object's name, one and several. */
export interface ObjectName {
    label: string;
    labelPlural: string;
}

export type ObjectNames = Readonly<Record<NamedObject, ObjectName>>;

/** Until the schema answers: the objects' usual names. */
export const DEFAULT_OBJECT_NAMES: ObjectNames = Object.freeze({
    Account: { label: ACCOUNT, labelPlural: ACCOUNTS },
    Contact: { label: CONTACT, labelPlural: CONTACTS },
    Lead: { label: LEAD, labelPlural: LEADS }
});

/** `names` with `object` named as getObjectInfo gave it; unchanged while it has not answered. */
export function withObjectInfo(
    names: ObjectNames,
    object: NamedObject,
    info: Pick<UiObjectInfo, 'label' | 'labelPlural'> | null | undefined
): ObjectNames {
    if (!info?.label || !info.labelPlural) return names;
    return { ...names, [object]: { label: info.label, labelPlural: info.labelPlural } };
}

/** A component that names Contact and Lead: `objectNames` follows the schema. */
export class ObjectNamesElement extends LightningElement {
    objectNames: ObjectNames = DEFAULT_OBJECT_NAMES;

    @wire(getObjectInfo, { objectApiName: CONTACT_OBJECT })
    wiredContactInfo(result: WireResult<UiObjectInfo>): void {
        this.objectNames = withObjectInfo(this.objectNames, 'Contact', result?.data);
    }

    @wire(getObjectInfo, { objectApiName: LEAD_OBJECT })
    wiredLeadInfo(result: WireResult<UiObjectInfo>): void {
        this.objectNames = withObjectInfo(this.objectNames, 'Lead', result?.data);
    }
}

/**
 * A component that also names Account (the caller's account): `objectNames.Account` follows the schema too. Its own
 * class so that the components naming only people (the dialer's) do not load Account's object info.
 */
export class AccountNamesElement extends ObjectNamesElement {
    @wire(getObjectInfo, { objectApiName: ACCOUNT_OBJECT })
    wiredAccountInfo(result: WireResult<UiObjectInfo>): void {
        this.objectNames = withObjectInfo(this.objectNames, 'Account', result?.data);
    }
}
