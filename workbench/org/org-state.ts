/**
 * The emulated org: who is signed in, what the package stored (its protected custom setting), and
 * whether the webhook site exists. One instance per workbench server; tests reset it.
 */
import { loadLabels, formatLabel, type Language } from './labels.ts';

export interface EmulatedOrgUser {
    name: string;
    language: Language;
    /** Custom permissions granted through permission sets (`Webex_Admin`). */
    customPermissions: string[];
}

/** Rows of the protected list custom setting WebexCredential__c. */
export interface StoredCredential {
    secret: string;
    ownerDisplayName?: string;
    ownerEmail?: string | null;
    webexOrgId?: string;
    webexPersonId?: string;
    verifiedAt?: string;
}

export class EmulatedOrg {
    readonly orgId = '00D5g00000WbXAMPLE';
    readonly labels = loadLabels();
    webexBaseUrl: string;
    user: EmulatedOrgUser = { name: 'Alex Admin', language: 'en', customPermissions: ['Webex_Admin'] };
    credentials = new Map<string, StoredCredential>();
    /** SiteDetail.SecureUrl of the active "Webex_Webhooks" site, or null before it is created. */
    siteUrl: string | null = null;

    constructor(webexBaseUrl: string) {
        this.webexBaseUrl = webexBaseUrl;
    }

    reset(): void {
        this.user = { name: 'Alex Admin', language: 'en', customPermissions: ['Webex_Admin'] };
        this.credentials.clear();
        this.siteUrl = null;
    }

    /** A custom label in the signed-in user's language, formatted like String.format. */
    label(name: string, ...args: Array<string | number>): string {
        const value = this.labels[this.user.language][name] ?? this.labels.en[name];
        if (value === undefined) throw new Error(`Unknown custom label ${name}`);
        return formatLabel(value, ...args);
    }

    hasCustomPermission(name: string): boolean {
        return this.user.customPermissions.includes(name);
    }
}
