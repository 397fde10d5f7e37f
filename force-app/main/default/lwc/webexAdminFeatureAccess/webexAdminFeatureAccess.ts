/**
 * "Webex Feature Access", a section of the Webex Admin tab: who gets each feature that uses the enablement model
 * (A7), one `c-webex-admin-enablement` per feature, each with its own Save. When a feature gets its own section
 * (call logging, meetings, chat, webinars), its entry moves there and leaves this list.
 */
import { LightningElement } from 'lwc';
import type { SectionFrame } from 'c/webexAdminSection';
import HELP from '@salesforce/label/c.WebexAccess_Help';
import MEETING_LOGS from '@salesforce/label/c.WebexAccess_MeetingLogs';
import MEETING_LOGS_HELP from '@salesforce/label/c.WebexAccess_MeetingLogsHelp';
import TITLE from '@salesforce/label/c.WebexAccess_Title';
import WEBINAR_IMPORT from '@salesforce/label/c.WebexAccess_WebinarImport';
import WEBINAR_IMPORT_HELP from '@salesforce/label/c.WebexAccess_WebinarImportHelp';

/**
 * The features without a section of their own, in the order of the admin guide (WebexFeatureAccess.FEATURES). The
 * call logs moved to "Webex Outbound/Inbound Call Log", call history to "Webex Call History" and instant chat to
 * "Webex Chat" (webexAdminCallLog, webexAdminCallHistory, webexAdminChat).
 */
export const FEATURES: ReadonlyArray<{ name: WebexFeature; label: string; description: string }> = [
    { name: 'MeetingLogs', label: MEETING_LOGS, description: MEETING_LOGS_HELP },
    { name: 'WebinarImport', label: WEBINAR_IMPORT, description: WEBINAR_IMPORT_HELP }
];

export default class WebexAdminFeatureAccess extends LightningElement {
    readonly features = FEATURES;
    readonly frame: SectionFrame = { heading: TITLE, iconName: 'standard:user_role', help: HELP, labels: {} };
}
