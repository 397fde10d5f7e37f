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
