/**
 * Objects that take no object permission of their own (no retrieved profile lists them, and a permission set
 * cannot grant them): their access derives from the user's access to other objects, as each object's documented
 * rule says. `access.ts` consults these rules for every user, whatever the profile, before profile grants.
 *
 * - Contact roles follow the record they are on. Salesforce Help › Add Contact Roles, User Permissions Needed: "To
 *   add or edit contact roles: Edit on the object the contact roles are on, such as opportunities or contracts AND
 *   Read on contacts. To view contact roles: Read on the object the contact roles are on"; "In Salesforce Classic,
 *   contact roles are available for accounts, opportunities, cases, and contracts"
 *   (https://help.salesforce.com/s/articleView?id=sf.contactroles_add.htm). For OpportunityContactRole, Object
 *   Reference › OpportunityContactRole › ContactId: "The API applies user access rights to the associated
 *   Opportunity for this object, but not to the associated Contact"
 *   (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_opportunitycontactrole.htm),
 *   and Winter '20 Release Notes › Customize Opportunity Contact Roles: "Users also need Edit on Opportunity and
 *   Read on Contact to add, edit or remove Contact Roles from an Opportunity"
 *   (https://releasenotes.docs.salesforce.com/en-us/winter20/release-notes/rn_sales_opportunity_contact_roles_customize.htm).
 *   Salesforce Help › Add Contact Roles to Opportunities asks "Read on opportunities and contacts" to view them
 *   (https://help.salesforce.com/s/articleView?id=000385380&type=1) where the Object Reference asks the
 *   Opportunity's only: a user who reads the record but not contacts is refused, not guessed.
 * - Files: ContentDocumentLink and ContentDocument have no object permission; users "can only query files they
 *   have access to", those they own, are shared with, or that are on records they can see (Object Reference ›
 *   ContentDocumentLink and ContentDocument › Special Access Rules,
 *   https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_contentdocumentlink.htm;
 *   Salesforce Help › Set File Sharing to Inherit Record Permissions: "Users with read-only record access get Viewer
 *   access to attached files", https://help.salesforce.com/s/articleView?id=experience.admin_files_on_record_sharing_setting.htm).
 *   That is record-level access, which the runtime does not model (README): every user reads these objects; what
 *   a user may create, change or delete depends on the file's sharing and is refused.
 */
import type { ObjectOp } from './access.ts';

/** The user's object access, through which a derived rule decides. */
export interface ObjectAccessOf {
    checkObject(object: string, op: ObjectOp): boolean;
}

/** How one object's access derives; `undefined` from `object` where no cited source settles the question. */
export interface DerivedObjectRule {
    object(op: ObjectOp, user: ObjectAccessOf): boolean | undefined;
    /**
     * Standard fields carry no access of their own: they follow the object (the documents above list object
     * permissions only). Custom fields still need field-level security, as any custom field does.
     */
    readonly standardFieldsFollowObject: true;
    /** Where the rule comes from, for error messages and tests. */
    readonly source: string;
}

const CONTACT_ROLES_SOURCE = 'Salesforce Help › Add Contact Roles (User Permissions Needed)';

/** A contact role on `parent`; `removable`: deleting one is documented (Opportunity's only). */
function contactRole(parent: string, removable: boolean): DerivedObjectRule {
    return {
        standardFieldsFollowObject: true,
        source: CONTACT_ROLES_SOURCE,
        object(op, user) {
            if (op === 'read') {
                if (!user.checkObject(parent, 'read')) return false;
                // The two Help pages disagree on Read on contacts for viewing: only both settle it.
                return user.checkObject('Contact', 'read') ? true : undefined;
            }
            if (op === 'delete' && !removable) return undefined;
            return user.checkObject(parent, 'edit') && user.checkObject('Contact', 'read');
        }
    };
}

const FILES_SOURCE = 'Object Reference › ContentDocumentLink, ContentDocument › Special Access Rules';

const FILE_OBJECT: DerivedObjectRule = {
    standardFieldsFollowObject: true,
    source: FILES_SOURCE,
    object: (op) => (op === 'read' ? true : undefined)
};

const RULES: Record<string, DerivedObjectRule> = {
    opportunitycontactrole: contactRole('Opportunity', true),
    accountcontactrole: contactRole('Account', false),
    casecontactrole: contactRole('Case', false),
    contractcontactrole: contactRole('Contract', false),
    contentdocumentlink: FILE_OBJECT,
    contentdocument: FILE_OBJECT
};

/** The derived rule of an object (any case), or `undefined` for an object with object permissions of its own. */
export function derivedObjectRule(object: string): DerivedObjectRule | undefined {
    return RULES[object.toLowerCase()];
}
