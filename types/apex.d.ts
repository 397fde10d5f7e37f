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
declare module '@salesforce/apex/WebexAdminController.getUserIntegration' {
    export default function getUserIntegration(): Promise<WebexUserIntegrationStatus>;
}
declare module '@salesforce/apex/WebexAdminController.saveUserIntegration' {
    export default function saveUserIntegration(params: {
        clientId: string;
        clientSecret: string;
    }): Promise<WebexUserIntegrationStatus>;
}
declare module '@salesforce/apex/WebexAdminController.clearUserIntegration' {
    export default function clearUserIntegration(): Promise<WebexUserIntegrationStatus>;
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
declare module '@salesforce/apex/WebexHealthCheckController.createCallEventChannel' {
    export default function createCallEventChannel(): Promise<void>;
}
declare module '@salesforce/apex/WebexHealthCheckController.fillPhoneKeys' {
    /** Starts the phone keys' backfill; resolves with the Contacts' batch job ID. */
    export default function fillPhoneKeys(): Promise<string>;
}

// Calling (docs/calling.md). DTOs in types/webex-calling-dto.d.ts.
declare module '@salesforce/apex/WebexUserConnectionController.getConnection' {
    export default function getConnection(): Promise<WebexUserConnection>;
}
declare module '@salesforce/apex/WebexUserConnectionController.startConnection' {
    export default function startConnection(): Promise<WebexUserConnectionStart>;
}
declare module '@salesforce/apex/WebexUserConnectionController.disconnect' {
    export default function disconnect(): Promise<WebexUserConnection>;
}
declare module '@salesforce/apex/WebexCallController.getDialerSettings' {
    export default function getDialerSettings(): Promise<WebexDialerSettings>;
}
declare module '@salesforce/apex/WebexCallController.dial' {
    export default function dial(params: { destination: string }): Promise<WebexDialResult>;
}
declare module '@salesforce/apex/WebexCallController.answer' {
    export default function answer(params: { callId: string }): Promise<void>;
}
declare module '@salesforce/apex/WebexCallController.reject' {
    export default function reject(params: { callId: string }): Promise<void>;
}
declare module '@salesforce/apex/WebexCallController.hangup' {
    export default function hangup(params: { callId: string }): Promise<void>;
}
declare module '@salesforce/apex/WebexCallController.hold' {
    export default function hold(params: { callId: string }): Promise<void>;
}
declare module '@salesforce/apex/WebexCallController.resume' {
    export default function resume(params: { callId: string }): Promise<void>;
}
declare module '@salesforce/apex/WebexCallController.mute' {
    export default function mute(params: { callId: string }): Promise<void>;
}
declare module '@salesforce/apex/WebexCallController.unmute' {
    export default function unmute(params: { callId: string }): Promise<void>;
}
declare module '@salesforce/apex/WebexCallController.getCallHistory' {
    export default function getCallHistory(params: {
        historyType: 'placed' | 'received' | 'missed' | null;
    }): Promise<WebexCallHistoryEntry[]>;
}
declare module '@salesforce/apex/WebexCallController.searchPeople' {
    export default function searchPeople(params: { searchTerm: string }): Promise<WebexPersonMatch[]>;
}
declare module '@salesforce/apex/WebexCallController.matchCaller' {
    export default function matchCaller(params: { phoneNumber: string }): Promise<WebexPersonMatch[]>;
}
declare module '@salesforce/apex/WebexCallController.getRecordPhones' {
    export default function getRecordPhones(params: { recordId: string }): Promise<WebexRecordPhones>;
}
declare module '@salesforce/apex/WebexCallLogController.saveCallLog' {
    export default function saveCallLog(params: { log: WebexCallLogInput }): Promise<WebexCallLogSaved>;
}
declare module '@salesforce/apex/WebexCallLogController.getMoreInfo' {
    export default function getMoreInfo(params: { recordId: string }): Promise<WebexMoreInfoTab[]>;
}
declare module '@salesforce/apex/WebexCallLogController.searchRelatedRecords' {
    export default function searchRelatedRecords(params: {
        direction: 'Outbound' | 'Inbound';
        objectApiName: string;
        searchTerm: string;
    }): Promise<WebexRecordOption[]>;
}
declare module '@salesforce/apex/WebexCallingAdminController.getPhoneFields' {
    export default function getPhoneFields(): Promise<WebexPhoneFieldsObject[]>;
}
declare module '@salesforce/apex/WebexCallingAdminController.savePhoneFields' {
    export default function savePhoneFields(params: {
        selectedByObject: Record<string, string[]>;
    }): Promise<WebexPhoneFieldsObject[]>;
}
declare module '@salesforce/apex/WebexCallingAdminController.getCallLogObjects' {
    export default function getCallLogObjects(params: {
        direction: 'Outbound' | 'Inbound';
    }): Promise<WebexCallLogObjectsSettings>;
}
declare module '@salesforce/apex/WebexCallingAdminController.saveCallLogObjects' {
    export default function saveCallLogObjects(params: {
        direction: 'Outbound' | 'Inbound';
        objectApiNames: string[];
    }): Promise<WebexCallLogObjectsSettings>;
}
declare module '@salesforce/apex/WebexCallingAdminController.getCallLogTabs' {
    export default function getCallLogTabs(): Promise<WebexCallLogTabConfig[]>;
}
declare module '@salesforce/apex/WebexCallingAdminController.getCallLogTabObjects' {
    export default function getCallLogTabObjects(): Promise<WebexObjectOption[]>;
}
declare module '@salesforce/apex/WebexCallingAdminController.getCallLogTabOptions' {
    export default function getCallLogTabOptions(params: { objectApiName: string }): Promise<WebexCallLogTabOptions>;
}
declare module '@salesforce/apex/WebexCallingAdminController.saveCallLogTab' {
    export default function saveCallLogTab(params: {
        config: { id: string | null; objectApiName: string; accountField: string; fields: string[] };
    }): Promise<WebexCallLogTabConfig[]>;
}
declare module '@salesforce/apex/WebexCallingAdminController.deleteCallLogTab' {
    export default function deleteCallLogTab(params: { configId: string }): Promise<WebexCallLogTabConfig[]>;
}
declare module '@salesforce/apex/WebexCallingAdminController.getCallingBackend' {
    export default function getCallingBackend(): Promise<WebexCallingBackend>;
}
declare module '@salesforce/apex/WebexCallingAdminController.saveCallingBackend' {
    export default function saveCallingBackend(params: { backend: WebexCallingBackend }): Promise<WebexCallingBackend>;
}

// Messaging (issue 14: Webex Spaces, Create Space, Chat). DTOs in types/webex-messaging-dto.d.ts.
declare module '@salesforce/apex/WebexSpacesController.getSpaces' {
    export default function getSpaces(params: { recordId: string }): Promise<WebexRecordSpaces>;
}
declare module '@salesforce/apex/WebexSpacesController.getRecordPeople' {
    export default function getRecordPeople(params: { recordId: string }): Promise<WebexSpaceCandidate[]>;
}
declare module '@salesforce/apex/WebexSpacesController.searchPeople' {
    export default function searchPeople(params: { recordId: string; term: string }): Promise<WebexSpaceCandidate[]>;
}
declare module '@salesforce/apex/WebexSpacesController.createSpace' {
    export default function createSpace(params: {
        recordId: string;
        title: string | null;
        memberIds: string[];
    }): Promise<WebexCreatedSpace>;
}
declare module '@salesforce/apex/WebexSpacesController.addPeople' {
    export default function addPeople(params: {
        recordId: string;
        spaceId: string;
        memberIds: string[];
    }): Promise<WebexCreatedSpace>;
}
declare module '@salesforce/apex/WebexSpacesController.getMessagingSession' {
    export default function getMessagingSession(): Promise<WebexMessagingSession>;
}
declare module '@salesforce/apex/WebexSpacesController.listMessages' {
    export default function listMessages(params: {
        spaceId: string;
        beforeMessageId: string | null;
        max: number | null;
    }): Promise<WebexSpaceMessages>;
}
declare module '@salesforce/apex/WebexChatController.listSpaces' {
    export default function listSpaces(params: { max: number | null }): Promise<WebexChatSpace[]>;
}
declare module '@salesforce/apex/WebexChatController.searchPeople' {
    export default function searchPeople(params: { text: string }): Promise<WebexChatPerson[]>;
}
declare module '@salesforce/apex/WebexChatController.sendDirect' {
    export default function sendDirect(params: { person: string; markdown: string }): Promise<WebexSpaceMessage>;
}
declare module '@salesforce/apex/WebexSpacesController.postMessage' {
    export default function postMessage(params: {
        spaceId: string;
        markdown: string;
        parentId: string | null;
    }): Promise<WebexSpaceMessage>;
}
declare module '@salesforce/apex/WebexSpacesController.getRecordFiles' {
    export default function getRecordFiles(params: { recordId: string }): Promise<WebexRecordFile[]>;
}
