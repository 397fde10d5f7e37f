/**
 * The emulated org's WebexSalesforceAuthController (classes/admin/WebexSalesforceAuthController.cls):
 * every method lets in only holders of the Webex Admin permission set, held to the typed contract in
 * types/apex.d.ts.
 */
import type getAuthorizationStatus from '@salesforce/apex/WebexSalesforceAuthController.getAuthorizationStatus';
import type revokeAuthorization from '@salesforce/apex/WebexSalesforceAuthController.revokeAuthorization';
import type startAuthorization from '@salesforce/apex/WebexSalesforceAuthController.startAuthorization';
import type { EmulatedOrg } from '../org-state.ts';
import { requireAdmin } from './admin-access.ts';
import * as service from './salesforce-auth.ts';

export interface WebexSalesforceAuthControllerApi {
    getAuthorizationStatus: typeof getAuthorizationStatus;
    startAuthorization: typeof startAuthorization;
    revokeAuthorization: typeof revokeAuthorization;
}

export function createWebexSalesforceAuthController(org: EmulatedOrg): WebexSalesforceAuthControllerApi {
    return {
        getAuthorizationStatus: async () => {
            requireAdmin(org);
            return service.authorizationStatus(org);
        },
        startAuthorization: async ({ consumerKey, consumerSecret }) => {
            requireAdmin(org);
            return service.startAuthorization(org, consumerKey, consumerSecret);
        },
        revokeAuthorization: async () => {
            requireAdmin(org);
            return service.revokeAuthorization(org);
        }
    };
}
