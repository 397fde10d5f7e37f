/**
 * The emulated org's WebexEnablementController and WebexFeatureAccess (classes/admin/, classes/shared/): the same
 * rules and messages as the Apex, held to the same typed contract (types/apex.d.ts). Profiles and users are the
 * seeded records of data/Profile.json and data/User.json.
 */
import type getFeatureAccess from '@salesforce/apex/WebexEnablementController.getFeatureAccess';
import type saveFeatureAccess from '@salesforce/apex/WebexEnablementController.saveFeatureAccess';
import type searchProfilesAndUsers from '@salesforce/apex/WebexEnablementController.searchProfilesAndUsers';
import { FEATURES } from '../access-settings.ts';
import { AuraHandledError } from '../apex-error.ts';
import type { EmulatedOrg } from '../org-state.ts';
import type { SObjectRecord } from '../records.ts';
import { requireAdmin } from './admin-access.ts';

export const MIN_SEARCH_LENGTH = 2;
export const MAX_SEARCH_RESULTS = 20;
const MAX_SEARCH_TERM_LENGTH = 80;
const PROFILE_PREFIX = '00e';
const USER_PREFIX = '005';
const SALESFORCE_ID = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/;

export interface WebexEnablementControllerApi {
    getFeatureAccess: typeof getFeatureAccess;
    saveFeatureAccess: typeof saveFeatureAccess;
    searchProfilesAndUsers: typeof searchProfilesAndUsers;
}

/** An active internal user (WebexProfileUserSelector.isEligible): the seeded users have no UserType, so Standard. */
function isEligibleUser(user: SObjectRecord): boolean {
    return user.IsActive !== false && (user.UserType ?? 'Standard') === 'Standard';
}

function byName(left: WebexFeatureGrantee, right: WebexFeatureGrantee): number {
    return left.name.toLowerCase().localeCompare(right.name.toLowerCase()) || left.type.localeCompare(right.type);
}

export function createWebexEnablementController(org: EmulatedOrg): WebexEnablementControllerApi {
    const invalid = (what: string): AuraHandledError =>
        new AuraHandledError('INVALID_INPUT', org.label('WebexError_InvalidInput', what));

    const requireFeature = (feature: unknown): WebexFeature => {
        if (typeof feature !== 'string' || !(FEATURES as readonly string[]).includes(feature))
            throw invalid(`feature (${FEATURES.join(', ')})`);
        return feature as WebexFeature;
    };

    const toGrantee = (record: SObjectRecord): WebexFeatureGrantee =>
        record.Id.startsWith(PROFILE_PREFIX)
            ? { id: record.Id, name: String(record.Name), type: 'Profile', detail: null, active: true }
            : {
                  id: record.Id,
                  name: String(record.Name),
                  type: 'User',
                  detail: String(record.Username),
                  active: record.IsActive !== false
              };

    /** A grantee the administrator cannot see: shown by its ID, as the Apex does. */
    const unnamed = (id: string): WebexFeatureGrantee => ({
        id,
        name: id,
        type: id.startsWith(PROFILE_PREFIX) ? 'Profile' : 'User',
        detail: null,
        active: true
    });

    const state = (feature: WebexFeature): WebexFeatureAccessState => ({
        feature,
        enabledForAll: org.featureAccess.isEnabledForAll(feature),
        grantees: org.featureAccess
            .granted(feature)
            .map((id) => {
                const record = org.records.get(id);
                return record ? toGrantee(record) : unnamed(id);
            })
            .sort(byName)
    });

    /** Refuses the whole request unless every ID is a profile, or an active internal user. */
    const requireEligible = (ids: string[]): void => {
        for (const id of ids) {
            const record = org.records.get(id);
            const eligible =
                (id.startsWith(PROFILE_PREFIX) && record !== undefined) ||
                (id.startsWith(USER_PREFIX) && record !== undefined && isEligibleUser(record));
            if (!eligible) throw new AuraHandledError('INVALID_INPUT', org.label('WebexAccess_NotEligible', id));
        }
    };

    const sameId = (left: string, right: string): boolean => left.slice(0, 15) === right.slice(0, 15);

    return {
        getFeatureAccess: async ({ feature }) => {
            requireAdmin(org);
            return state(requireFeature(feature));
        },

        saveFeatureAccess: async ({ feature, enabledForAll, granteeIds }) => {
            requireAdmin(org);
            const name = requireFeature(feature);
            if (typeof enabledForAll !== 'boolean') throw invalid('enabledForAll');
            const wanted: string[] = [];
            for (const id of granteeIds ?? []) {
                if (typeof id !== 'string' || !SALESFORCE_ID.test(id.trim()))
                    throw invalid('granteeIds (profile or user IDs)');
                if (!wanted.some((other) => sameId(other, id))) wanted.push(id.trim());
            }
            const current = org.featureAccess.granted(name);
            const added = wanted.filter((id) => !current.some((other) => sameId(other, id)));
            const removed = current.filter((id) => !wanted.some((other) => sameId(other, id)));
            // Everything is checked before anything changes: the Apex runs in one transaction.
            requireEligible(added);
            org.featureAccess.grant(name, added);
            org.featureAccess.revoke(name, removed);
            org.featureAccess.setEnabledForAll(name, enabledForAll);
            return state(name);
        },

        searchProfilesAndUsers: async ({ searchTerm }) => {
            requireAdmin(org);
            const term = (searchTerm ?? '').trim();
            if (term.length < MIN_SEARCH_LENGTH)
                throw new AuraHandledError('INVALID_INPUT', org.label('WebexAccess_SearchTooShort'));
            // LIKE '%term%' with % and _ escaped: a plain, case-insensitive "contains".
            const needle = term.slice(0, MAX_SEARCH_TERM_LENGTH).toLowerCase();
            const contains = (value: unknown): boolean =>
                typeof value === 'string' && value.toLowerCase().includes(needle);
            const profiles = org.records
                .list('Profile')
                .filter((profile) => contains(profile.Name))
                .slice(0, MAX_SEARCH_RESULTS);
            const users = org.records
                .list('User')
                .filter((user) => isEligibleUser(user) && (contains(user.Name) || contains(user.Username)))
                .slice(0, MAX_SEARCH_RESULTS);
            return [...profiles, ...users].map(toGrantee).sort(byName).slice(0, MAX_SEARCH_RESULTS);
        }
    };
}
