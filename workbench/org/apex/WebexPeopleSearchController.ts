/**
 * The emulated org's WebexPeopleSearchController and WebexPeopleSearchSettings (classes/admin/,
 * classes/shared/): the same rules and messages as the Apex, held to the same typed contract (types/apex.d.ts).
 */
import type getPeopleSearchSettings from '@salesforce/apex/WebexPeopleSearchController.getPeopleSearchSettings';
import type savePeopleSearchSettings from '@salesforce/apex/WebexPeopleSearchController.savePeopleSearchSettings';
import { PURPOSES, SEARCH_OBJECTS } from '../access-settings.ts';
import { AuraHandledError } from '../apex-error.ts';
import type { EmulatedOrg } from '../org-state.ts';
import { requireAdmin } from './admin-access.ts';

export interface WebexPeopleSearchControllerApi {
    getPeopleSearchSettings: typeof getPeopleSearchSettings;
    savePeopleSearchSettings: typeof savePeopleSearchSettings;
}

export function createWebexPeopleSearchController(org: EmulatedOrg): WebexPeopleSearchControllerApi {
    const invalid = (what: string): AuraHandledError =>
        new AuraHandledError('INVALID_INPUT', org.label('WebexError_InvalidInput', what));

    const settings = (): WebexPeopleSearchSettings => ({
        purposes: PURPOSES.map((purpose) => ({ purpose, objects: org.peopleSearch.objectsFor(purpose) })),
        availableObjects: [...SEARCH_OBJECTS]
    });

    /** What WebexPeopleSearchSettings.requireComplete refuses, in the same order and words. */
    const requireComplete = (
        objectsByPurpose: unknown
    ): Record<WebexPeopleSearchPurposeName, WebexPeopleSearchObject[]> => {
        if (typeof objectsByPurpose !== 'object' || objectsByPurpose === null) throw invalid('objectsByPurpose');
        const choice = objectsByPurpose as Record<string, unknown>;
        for (const purpose of Object.keys(choice)) {
            if (!(PURPOSES as readonly string[]).includes(purpose)) throw invalid(`purpose (${PURPOSES.join(', ')})`);
        }
        for (const purpose of PURPOSES) {
            const objects = choice[purpose];
            if (!Array.isArray(objects)) throw invalid(`objectsByPurpose.${purpose}`);
            for (const object of objects) {
                if (!(SEARCH_OBJECTS as readonly unknown[]).includes(object))
                    throw invalid(`objectsByPurpose.${purpose} (${SEARCH_OBJECTS.join(', ')})`);
            }
        }
        return choice as Record<WebexPeopleSearchPurposeName, WebexPeopleSearchObject[]>;
    };

    return {
        getPeopleSearchSettings: async () => {
            requireAdmin(org);
            return settings();
        },

        savePeopleSearchSettings: async ({ objectsByPurpose }) => {
            requireAdmin(org);
            org.peopleSearch.save(requireComplete(objectsByPurpose));
            return settings();
        }
    };
}
