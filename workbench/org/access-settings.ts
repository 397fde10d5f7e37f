/**
 * The emulated org's two protected settings of A7 and B7, as the package's Apex keeps them:
 * - WebexFeatureAccess__c (classes/shared/WebexFeatureAccess.cls): per feature, "for all" (the organization-level
 *   row) and the profiles and users it is on for. A feature is on for a user when it is on for all, for their
 *   profile or for them;
 * - WebexPeopleSearch__c (classes/shared/WebexPeopleSearchSettings.cls): per purpose, the objects it searches.
 * A new org starts as the post-install script (WebexInstallHandler) leaves it: every feature off, every search
 * looking in Contacts and Leads.
 */

export const FEATURES: readonly WebexFeature[] = [
    'OutboundCallLog',
    'InboundCallLog',
    'CallHistory',
    'MeetingLogs',
    'InstantChat',
    'WebinarImport'
];
export const PURPOSES: readonly WebexPeopleSearchPurposeName[] = ['Dialer', 'Inbound', 'Meetings', 'Spaces'];
export const SEARCH_OBJECTS: readonly WebexPeopleSearchObject[] = ['Contact', 'Lead'];

/** The 15-character form of an ID: rows are keyed by it, as Salesforce compares IDs. */
function key(id: string): string {
    return id.slice(0, 15);
}

export class FeatureAccessStore {
    /** Features on for all (the organization-level row). */
    private readonly forAll = new Set<WebexFeature>();
    /** Profile and user rows: the features each is on for, by owner ID (15 characters). */
    private readonly rows = new Map<string, { ownerId: string; features: Set<WebexFeature> }>();

    isEnabledForAll(feature: WebexFeature): boolean {
        return this.forAll.has(feature);
    }

    setEnabledForAll(feature: WebexFeature, enabled: boolean): void {
        if (enabled) this.forAll.add(feature);
        else this.forAll.delete(feature);
    }

    /** The profiles and users a feature is on for (their IDs as they were granted). */
    granted(feature: WebexFeature): string[] {
        return [...this.rows.values()].filter((row) => row.features.has(feature)).map((row) => row.ownerId);
    }

    grant(feature: WebexFeature, ownerIds: string[]): void {
        for (const ownerId of ownerIds) {
            const row = this.rows.get(key(ownerId)) ?? { ownerId, features: new Set<WebexFeature>() };
            row.features.add(feature);
            this.rows.set(key(ownerId), row);
        }
    }

    /** Switches a feature off for these owners; a row left with no feature is deleted. */
    revoke(feature: WebexFeature, ownerIds: string[]): void {
        for (const ownerId of ownerIds) {
            const row = this.rows.get(key(ownerId));
            if (!row) continue;
            row.features.delete(feature);
            if (!row.features.size) this.rows.delete(key(ownerId));
        }
    }

    /** Whether a user has a feature: on for all, for their profile, or for them. */
    isEnabled(feature: WebexFeature, userId: string, profileId: string | null): boolean {
        const on = (ownerId: string | null): boolean =>
            Boolean(ownerId && this.rows.get(key(ownerId))?.features.has(feature));
        return this.forAll.has(feature) || on(userId) || on(profileId);
    }

    /** How many profile and user rows exist (what an org would store). */
    get rowCount(): number {
        return this.rows.size;
    }
}

export class PeopleSearchStore {
    private readonly rows = new Map<WebexPeopleSearchPurposeName, WebexPeopleSearchObject[]>(
        PURPOSES.map((purpose) => [purpose, [...SEARCH_OBJECTS]])
    );

    /** The objects a purpose searches, in SEARCH_OBJECTS order. */
    objectsFor(purpose: WebexPeopleSearchPurposeName): WebexPeopleSearchObject[] {
        return [...(this.rows.get(purpose) ?? SEARCH_OBJECTS)];
    }

    save(objectsByPurpose: Record<WebexPeopleSearchPurposeName, WebexPeopleSearchObject[]>): void {
        for (const purpose of PURPOSES) {
            const chosen = new Set(objectsByPurpose[purpose]);
            this.rows.set(
                purpose,
                SEARCH_OBJECTS.filter((object) => chosen.has(object))
            );
        }
    }
}
