/**
 * Lead conversion (Apex Reference Guide › LeadConvert Class, Database.convertLead; Apex Developer Guide ›
 * Converting Leads; SOAP API Developer Guide › convertLead()): each Lead becomes, or is merged into, an Account
 * and a Contact; the Lead is then saved with `IsConverted`, `Status` (a LeadStatus value with IsConverted),
 * `ConvertedAccountId`, `ConvertedContactId` and `ConvertedDate`, which runs its update triggers.
 *
 * - Field mapping: standard Lead fields go to the standard Account and Contact fields (convertLead(): "The
 *   system automatically maps standard lead fields to standard account, contact, and opportunity fields");
 *   custom fields map only through the org's LeadConvertSettings, which a project may not ship: none is mapped.
 * - Merging into an existing Account or Contact writes only its empty fields (convertLead(): "only empty
 *   fields in the target object are overwritten"), LeadSource too when `overwriteLeadSource`.
 * - The Account and Contact are saved without their triggers: an org runs them on conversion only with
 *   "Require Validation for Converted Leads" (Lead Settings; Knowledge Article 000386058), off by default.
 * - Refused (UnsupportedApexError): creating an Opportunity (its required StageName and CloseDate come from
 *   settings no source gives), and every failure whose status code and message the guides do not give.
 */
import { UnsupportedApexError } from '../errors.ts';
import { dmlInsert, type DmlContext } from './dml.ts';
import { fieldOf } from './schema.ts';
import { SObject } from './sobject.ts';

/** What one `Database.LeadConvert` asks. */
export interface LeadConversion {
    leadId: string | null;
    convertedStatus: string | null;
    accountId: string | null;
    contactId: string | null;
    ownerId: string | null;
    doNotCreateOpportunity: boolean;
    overwriteLeadSource: boolean;
}

/** A `Database.LeadConvertResult` of a successful conversion. */
export interface LeadConverted {
    leadId: string;
    accountId: string;
    contactId: string;
    opportunityId: null;
}

/** The context of a conversion: DML's, and the running user's today (`ConvertedDate`). */
export interface LeadConvertContext extends DmlContext {
    today: () => unknown;
}

/** Standard Lead fields → Account fields (Salesforce Help › Lead Conversion Field Mapping). */
const TO_ACCOUNT: readonly [string, string][] = [
    ['Company', 'Name'],
    ['Phone', 'Phone'],
    ['Fax', 'Fax'],
    ['Website', 'Website'],
    ['Industry', 'Industry'],
    ['AnnualRevenue', 'AnnualRevenue'],
    ['NumberOfEmployees', 'NumberOfEmployees'],
    ['Rating', 'Rating'],
    ['Street', 'BillingStreet'],
    ['City', 'BillingCity'],
    ['State', 'BillingState'],
    ['PostalCode', 'BillingPostalCode'],
    ['Country', 'BillingCountry']
];

/** Standard Lead fields → Contact fields (Salesforce Help › Lead Conversion Field Mapping). */
const TO_CONTACT: readonly [string, string][] = [
    ['Salutation', 'Salutation'],
    ['FirstName', 'FirstName'],
    ['LastName', 'LastName'],
    ['Title', 'Title'],
    ['Email', 'Email'],
    ['Phone', 'Phone'],
    ['MobilePhone', 'MobilePhone'],
    ['Fax', 'Fax'],
    ['Description', 'Description'],
    ['LeadSource', 'LeadSource'],
    ['DoNotCall', 'DoNotCall'],
    ['HasOptedOutOfEmail', 'HasOptedOutOfEmail'],
    ['HasOptedOutOfFax', 'HasOptedOutOfFax'],
    ['Street', 'MailingStreet'],
    ['City', 'MailingCity'],
    ['State', 'MailingState'],
    ['PostalCode', 'MailingPostalCode'],
    ['Country', 'MailingCountry']
];

function value(row: SObject, field: string): unknown {
    return fieldOf(row.describe, field) && row.has(field) ? row.get(field) : null;
}

/** The mapped values of `lead` that `target` should receive (all for a new record, the empty ones when merging). */
function mapped(
    lead: SObject,
    map: readonly [string, string][],
    target: SObject | null,
    overwrite: ReadonlySet<string>
): [string, unknown][] {
    const out: [string, unknown][] = [];
    for (const [from, to] of map) {
        const v = value(lead, from);
        if (v === null || v === undefined || (target && !fieldOf(target.describe, to))) continue;
        if (target && value(target, to) !== null && !overwrite.has(to)) continue;
        out.push([to, v]);
    }
    return out;
}

function requireRow(ctx: DmlContext, id: string, type: string, what: string): SObject {
    const row = ctx.store.get(id);
    if (!row || row.type !== type || row.get('IsDeleted') === true)
        throw new UnsupportedApexError(`Database.convertLead with ${what} ${id} that is no ${type} record`);
    return row;
}

/** The LeadStatus value named by `status` (its MasterLabel or ApiName), which must be a converted status. */
function convertedStatusOf(ctx: DmlContext, status: string | null): string {
    if (!status) throw new UnsupportedApexError('Database.convertLead without a converted status');
    for (const s of ctx.store.rows('LeadStatus')) {
        const names = [value(s, 'MasterLabel'), value(s, 'ApiName')];
        if (names.includes(status) && s.get('IsConverted') === true) return value(s, 'MasterLabel') as string;
    }
    throw new UnsupportedApexError(`Database.convertLead to status "${status}", no converted LeadStatus value`);
}

/** Saves a new Account or Contact (validated, without triggers), or fills a merge target's empty fields. */
function accountOrContact(
    ctx: DmlContext,
    level: 'user' | 'system',
    type: string,
    values: [string, unknown][],
    existing: SObject | null
): string {
    if (existing) {
        if (values.length) ctx.store.update(existing.id as string, values);
        return existing.id as string;
    }
    const describe = ctx.store.schema.require(type);
    const record = new SObject(describe);
    for (const [f, v] of values) record.put(f, v);
    const [result] = dmlInsert(
        { store: ctx.store, ...(ctx.userAccess ? { userAccess: ctx.userAccess } : {}) },
        [record],
        false,
        level
    );
    if (!result?.success)
        throw new UnsupportedApexError(
            `Database.convertLead whose new ${type} is refused (${result?.errors.map((e) => `${e.statusCode}: ${e.message}`).join('; ')})`
        );
    return result.id as string;
}

/**
 * Converts the Leads; one DML statement, each Lead a row. The Leads' update triggers run once for the
 * batch (before, the save, after), as for an update of those Leads.
 */
export function convertLeads(
    ctx: LeadConvertContext,
    conversions: LeadConversion[],
    level: 'user' | 'system'
): LeadConverted[] {
    ctx.limits?.count('dmlStatements');
    ctx.limits?.count('dmlRows', conversions.length);
    if (level === 'user') {
        if (!ctx.userAccess)
            throw new UnsupportedApexError('Database.convertLead in user mode (no running-user access)');
        const access = ctx.userAccess();
        // convertLead(): "the 'Convert Leads' permission and the 'Edit' permission on leads, as well as 'Create'
        // and 'Edit' on the Account, Contact, and Opportunity objects"; the error a user without them gets is not given.
        const allowed =
            access.hasUserPermission('ConvertLeads') &&
            access.checkObject('Lead', 'edit') &&
            ['Account', 'Contact'].every((o) => access.checkObject(o, 'create') && access.checkObject(o, 'edit'));
        if (!allowed)
            throw new UnsupportedApexError('Database.convertLead in user mode by a user without the permissions');
    }
    const olds: SObject[] = [];
    const news: SObject[] = [];
    const results: LeadConverted[] = [];
    for (const c of conversions) {
        if (!c.doNotCreateOpportunity)
            throw new UnsupportedApexError(
                'Database.convertLead creating an Opportunity (setDoNotCreateOpportunity(false))'
            );
        if (!c.leadId) throw new UnsupportedApexError('Database.convertLead without a lead Id');
        const lead = requireRow(ctx, c.leadId, 'Lead', 'lead');
        if (lead.get('IsConverted') === true)
            throw new UnsupportedApexError(`Database.convertLead of the converted lead ${c.leadId}`);
        if (c.contactId && !c.accountId)
            throw new UnsupportedApexError('Database.convertLead into a Contact without its Account (setAccountId)');
        const status = convertedStatusOf(ctx, c.convertedStatus);
        const owner = c.ownerId ?? (value(lead, 'OwnerId') as string | null);
        const account = c.accountId ? requireRow(ctx, c.accountId, 'Account', 'account') : null;
        const contact = c.contactId ? requireRow(ctx, c.contactId, 'Contact', 'contact') : null;
        if (contact && value(contact, 'AccountId') !== account?.id)
            throw new UnsupportedApexError('Database.convertLead into a Contact of another Account');
        const ownerField: [string, unknown][] = owner && !account ? [['OwnerId', owner]] : [];
        const accountId = accountOrContact(
            ctx,
            level,
            'Account',
            [...mapped(lead, TO_ACCOUNT, account, new Set()), ...ownerField],
            account
        );
        const overwrite = new Set(c.overwriteLeadSource ? ['LeadSource'] : []);
        const contactValues = mapped(lead, TO_CONTACT, contact, overwrite);
        if (!contact)
            contactValues.push(
                ['AccountId', accountId],
                ...(owner ? ([['OwnerId', owner]] as [string, unknown][]) : [])
            );
        const contactId = accountOrContact(ctx, level, 'Contact', contactValues, contact);
        const old = lead.clone(true, false, true, true);
        old.readOnly = true;
        const updated = lead.clone(true, false, true, true);
        for (const [f, v] of [
            ['IsConverted', true],
            ['Status', status],
            ['ConvertedAccountId', accountId],
            ['ConvertedContactId', contactId],
            ['ConvertedDate', ctx.today()]
        ] as [string, unknown][])
            updated.setRaw(f, v, false);
        olds.push(old);
        news.push(updated);
        results.push({ leadId: c.leadId, accountId, contactId, opportunityId: null });
    }
    ctx.triggers?.fire('Lead', 'before', 'update', news, olds);
    for (const n of news) ctx.store.update(n.id as string, n.fieldEntries());
    const saved = news.map((n) => {
        const copy = ctx.store.get(n.id as string)!.clone(true, false, true, true);
        copy.readOnly = true;
        return copy;
    });
    ctx.triggers?.fire('Lead', 'after', 'update', saved, olds);
    return results;
}
