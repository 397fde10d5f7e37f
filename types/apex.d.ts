/**
 * Every `@salesforce/apex/Class.method` the components import, typed. There is deliberately no
 * wildcard declaration: importing a method that is not declared here fails `tsc`, and
 * `scripts/checks/apex-contract.ts` checks each declaration against the Apex source (the method
 * exists, is `@AuraEnabled`, static, and takes exactly these parameter names).
 */
declare module '@salesforce/apex/WebexAdminController.getIntegrationStatus' {
    export default function getIntegrationStatus(): Promise<WebexIntegrationStatus>;
}
declare module '@salesforce/apex/WebexAdminController.saveAccessToken' {
    export default function saveAccessToken(params: { accessToken: string }): Promise<WebexIntegrationStatus>;
}
declare module '@salesforce/apex/WebexAdminController.registerWebhooks' {
    export default function registerWebhooks(): Promise<WebexIntegrationStatus>;
}
declare module '@salesforce/apex/WebexAdminController.reactivateWebhook' {
    export default function reactivateWebhook(params: { webhookId: string }): Promise<WebexIntegrationStatus>;
}
declare module '@salesforce/apex/WebexEnablementController.getFeatureAccess' {
    export default function getFeatureAccess(params: { feature: WebexFeature }): Promise<WebexFeatureAccessState>;
}
declare module '@salesforce/apex/WebexEnablementController.saveFeatureAccess' {
    export default function saveFeatureAccess(params: {
        feature: WebexFeature;
        enabledForAll: boolean;
        granteeIds: string[];
    }): Promise<WebexFeatureAccessState>;
}
declare module '@salesforce/apex/WebexEnablementController.searchProfilesAndUsers' {
    export default function searchProfilesAndUsers(params: { searchTerm: string }): Promise<WebexFeatureGrantee[]>;
}
declare module '@salesforce/apex/WebexPeopleSearchController.getPeopleSearchSettings' {
    export default function getPeopleSearchSettings(): Promise<WebexPeopleSearchSettings>;
}
declare module '@salesforce/apex/WebexPeopleSearchController.savePeopleSearchSettings' {
    export default function savePeopleSearchSettings(params: {
        objectsByPurpose: Record<WebexPeopleSearchPurposeName, WebexPeopleSearchObject[]>;
    }): Promise<WebexPeopleSearchSettings>;
}
declare module '@salesforce/apex/WebexSalesforceAuthController.getAuthorizationStatus' {
    export default function getAuthorizationStatus(): Promise<WebexSalesforceAuthStatus>;
}
declare module '@salesforce/apex/WebexSalesforceAuthController.startAuthorization' {
    export default function startAuthorization(params: {
        consumerKey: string;
        consumerSecret: string;
    }): Promise<WebexSalesforceAuthStart>;
}
declare module '@salesforce/apex/WebexSalesforceAuthController.revokeAuthorization' {
    export default function revokeAuthorization(): Promise<WebexSalesforceAuthStatus>;
}
declare module '@salesforce/apex/WebexSiteController.getSiteStatus' {
    export default function getSiteStatus(): Promise<WebexSiteStatus>;
}
declare module '@salesforce/apex/WebexSiteController.createSite' {
    export default function createSite(): Promise<WebexSiteStatus>;
}
declare module '@salesforce/apex/WebexSiteController.checkSite' {
    export default function checkSite(): Promise<WebexSiteStatus>;
}
declare module '@salesforce/apex/WebexHealthCheckController.runHealthCheck' {
    export default function runHealthCheck(): Promise<WebexHealthCheck[]>;
}
