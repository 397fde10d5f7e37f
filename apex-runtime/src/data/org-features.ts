/**
 * The add-on features an org has, and the standard fields and objects that exist only with one.
 *
 * apex-ls's sobject-types jar describes every object as an org with every feature enabled would: it
 * holds `CurrencyIsoCode`, `Division` and the person-account fields (`Contact.IsPersonAccount`…)
 * everywhere. An org without the feature has none of them: a describe lists no such field and a
 * query naming one fails. The runtime models the org a project describes (its scratch-org
 * definition, `scratch-definition.ts`); a feature the project does not enable is off, as in a new org.
 *
 * Feature names are the scratch-org definition's (Salesforce DX Developer Guide › Scratch Org
 * Features: "Features aren't case-sensitive"), plus `Divisions`, which no scratch-org feature
 * enables (divisions are turned on by Salesforce Support: Object Reference › Division), and `Quotes`,
 * which a definition's `settings.quoteSettings.enableQuote` turns on (`scratch-definition.ts`).
 */

/** The features this module knows the fields of. */
export const MODELLED_FEATURES = ['MultiCurrency', 'PersonAccounts', 'Divisions', 'Quotes'] as const;

/** An org's enabled features, compared case-insensitively. */
export class OrgFeatures {
    private readonly enabled: Set<string>;

    constructor(features: Iterable<string> = []) {
        // `MaxApexCodeSize:20` names a feature with a quantity: the feature is the part before the colon.
        this.enabled = new Set([...features].map((f) => f.split(':')[0].trim().toLowerCase()));
    }

    /** Whether `feature` is enabled (case-insensitive). */
    has(feature: string): boolean {
        return this.enabled.has(feature.toLowerCase());
    }

    /** The enabled features, lower-cased. */
    names(): string[] {
        return [...this.enabled].sort();
    }
}

/** A rule: the fields (and objects) a feature adds, and the documentation that says so. */
interface FeatureRule {
    feature: (typeof MODELLED_FEATURES)[number];
    source: string;
    /** Whether `object.field` exists only with the feature (names as the jar spells them). */
    field: (object: string, field: string) => boolean;
    /** Objects that exist only with the feature. */
    objects: readonly string[];
}

const PERSON_ACCOUNT_OBJECTS = new Set(['account', 'accountchangeevent']);
/** The name fields of a person account on Account (Object Reference › Account › IsPersonAccount fields). */
const PERSON_NAME_FIELDS = new Set(['firstname', 'lastname', 'middlename', 'suffix', 'salutation']);
/** Objects whose `Division` is a text field unrelated to divisions (Object Reference › User, Organization). */
const TEXT_DIVISION_OBJECTS = new Set(['user', 'organization']);
/** The jar's lookups to a quote object, by object: their only targets exist only with Quotes. */
const QUOTE_LOOKUPS: Record<string, string> = {
    opportunity: 'syncedquoteid',
    opportunitychangeevent: 'syncedquoteid',
    order: 'quoteid',
    orderchangeevent: 'quoteid',
    orderitem: 'quotelineitemid',
    orderitemchangeevent: 'quotelineitemid'
};

const RULES: readonly FeatureRule[] = [
    {
        feature: 'MultiCurrency',
        source: 'Object Reference › each object › CurrencyIsoCode: "Available only for organizations with the multicurrency feature enabled"; CurrencyType: "not available in single-currency organizations"; User.DefaultCurrencyIsoCode: observed in the recorded describes of 36 orgs (field-reference.json › sources.quotesRule lists where): absent from the 35 single-currency ones, present (a currency picklist) in the multi-currency one (github.com/thiagoStella/RaccoonCity @ f26bcc9d375d8d17469f7a0a540f8dd654f62e67)',
        field: (object, field) =>
            field.toLowerCase() === 'currencyisocode' ||
            (object.toLowerCase() === 'user' && field.toLowerCase() === 'defaultcurrencyisocode'),
        objects: ['CurrencyType']
    },
    {
        feature: 'Divisions',
        source: 'Object Reference › Division: "Available only if the organization has the Division permission enabled"; Special Access Rules: with divisions, User and Group have DefaultDivision and "this field (named Division in objects other than User and Group) will be available in all relevant objects"; User.Division and Organization.Division are text fields unrelated to divisions',
        field: (object, field) => {
            const f = field.toLowerCase();
            const o = object.toLowerCase();
            if (f === 'defaultdivision') return o === 'user' || o === 'group';
            return f === 'division' && !TEXT_DIVISION_OBJECTS.has(o);
        },
        objects: ['Division']
    },
    {
        feature: 'PersonAccounts',
        source: 'SOAP API Developer Guide › Person Account Record Types (IsPersonAccount, PersonContactId exist with person account record types); Object Reference › Account › IsPersonAccount fields (Salesforce Help article 000387364); observed: enabling person accounts adds FirstName, LastName, IsPersonAccount and the Person* fields to Account (jeffdouglas.com, "Working with Person Accounts in Salesforce.com", 2010)',
        field: (object, field) => {
            const f = field.toLowerCase();
            if (f === 'ispersonaccount') return true;
            if (!PERSON_ACCOUNT_OBJECTS.has(object.toLowerCase())) return false;
            return f.startsWith('person') || PERSON_NAME_FIELDS.has(f);
        },
        objects: []
    },
    {
        feature: 'Quotes',
        source: 'Metadata API › QuoteSettings: enableQuote "When set to true, users can access Quotes" (https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_quotessettings.htm), a setting a scratch-org definition sets as settings.quoteSettings (Salesforce DX Developer Guide › Scratch Org Settings: "If a setting is supported in Metadata API, it\'s supported in scratch orgs"); observed: of 36 orgs whose describes are recorded (field-reference.json › sources.quotesRule), the one that lists Quote, QuoteLineItem and QuoteDocument lists Opportunity.SyncedQuoteId (label "Quote ID"), and the 35 others list neither those objects nor any field that looks up one of them',
        field: (object, field) => QUOTE_LOOKUPS[object.toLowerCase()] === field.toLowerCase(),
        objects: [
            'Quote',
            'QuoteLineItem',
            'QuoteDocument',
            'QuoteFeed',
            'QuoteShare',
            'QuoteChangeEvent',
            'QuoteLineItemChangeEvent'
        ]
    }
];

/** The feature `object.field` needs, or `undefined` when every org has the field. */
export function featureOfField(object: string, field: string): string | undefined {
    return RULES.find((r) => r.field(object, field))?.feature;
}

/** The feature object `name` needs, or `undefined` when every org has it. */
export function featureOfObject(name: string): string | undefined {
    const lower = name.toLowerCase();
    return RULES.find((r) => r.objects.some((o) => o.toLowerCase() === lower))?.feature;
}

/** Where each feature's rule comes from (for reports). */
export function featureSources(): Record<string, string> {
    return Object.fromEntries(RULES.map((r) => [r.feature, r.source]));
}
