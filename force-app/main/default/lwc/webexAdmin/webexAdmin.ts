/**
 * The "Webex Admin" tab: a page header, a list of sections to jump to, and one child component per
 * feature's settings. Sections are data: a new feature adds an entry to SECTIONS and its component
 * to the template, in the same order.
 */
import { LightningElement } from 'lwc';
import SECTIONS_NAV from '@salesforce/label/c.WebexAdmin_SectionsNav';
import SUBTITLE from '@salesforce/label/c.WebexAdmin_Subtitle';
import TITLE from '@salesforce/label/c.WebexAdmin_Title';
import INTEGRATION_TITLE from '@salesforce/label/c.WebexIntegration_Title';
import SALESFORCE_AUTH_TITLE from '@salesforce/label/c.WebexSfAuth_Title';
import WEBHOOK_SITE_TITLE from '@salesforce/label/c.WebexSite_Title';
import PEOPLE_SEARCH_TITLE from '@salesforce/label/c.WebexPeople_Title';
import FEATURE_ACCESS_TITLE from '@salesforce/label/c.WebexAccess_Title';
import HEALTH_CHECK_TITLE from '@salesforce/label/c.WebexHealth_Title';
import PHONE_FIELDS_TITLE from '@salesforce/label/c.WebexCallingAdmin_PhoneFieldsTitle';
import OUTBOUND_CALL_LOG_TITLE from '@salesforce/label/c.WebexCallingAdmin_OutboundTitle';
import INBOUND_CALL_LOG_TITLE from '@salesforce/label/c.WebexCallingAdmin_InboundTitle';
import CALL_LOG_TABS_TITLE from '@salesforce/label/c.WebexCallingAdmin_TabsTitle';
import CALL_HISTORY_TITLE from '@salesforce/label/c.WebexCallingAdmin_CallHistoryTitle';
import CALLING_BACKEND_TITLE from '@salesforce/label/c.WebexCallingAdmin_BackendTitle';
import CHAT_TITLE from '@salesforce/label/c.WebexChatAdmin_Title';

/**
 * The sections, in page order. `name` matches `data-section` on the section's wrapper in the
 * template; `label` is what the list shows.
 */
export const SECTIONS = [
    { name: 'integration', label: INTEGRATION_TITLE },
    { name: 'salesforceAuthorization', label: SALESFORCE_AUTH_TITLE },
    { name: 'webhookSite', label: WEBHOOK_SITE_TITLE },
    // Calling (B2, B4, B5, B6, B8), in the admin guide's order.
    { name: 'phoneFields', label: PHONE_FIELDS_TITLE },
    { name: 'outboundCallLog', label: OUTBOUND_CALL_LOG_TITLE },
    { name: 'inboundCallLog', label: INBOUND_CALL_LOG_TITLE },
    { name: 'callLogTabs', label: CALL_LOG_TABS_TITLE },
    { name: 'callHistory', label: CALL_HISTORY_TITLE },
    { name: 'callingBackend', label: CALLING_BACKEND_TITLE },
    // Messaging (D2): the guide scrolls down to "Webex Chat" after calling and meetings.
    { name: 'chat', label: CHAT_TITLE },
    { name: 'peopleSearch', label: PEOPLE_SEARCH_TITLE },
    { name: 'featureAccess', label: FEATURE_ACCESS_TITLE },
    { name: 'healthCheck', label: HEALTH_CHECK_TITLE }
];

export default class WebexAdmin extends LightningElement {
    readonly labels = { title: TITLE, subtitle: SUBTITLE, sectionsNav: SECTIONS_NAV };

    /** The section the administrator last jumped to (the first one on arrival). */
    activeSection = SECTIONS[0].name;

    get sections(): Array<{ name: string; label: string; itemClass: string; current: string | null }> {
        return SECTIONS.map((section) => {
            const active = section.name === this.activeSection;
            return {
                ...section,
                itemClass: `slds-nav-vertical__item${active ? ' slds-is-active' : ''}`,
                current: active ? 'location' : null
            };
        });
    }

    /** Brings the section chosen in the list into view and moves keyboard focus to it. */
    handleJump(event: Event): void {
        this.jumpTo((event.currentTarget as HTMLElement).dataset.target);
    }

    /** A section asked to send the administrator to another one (the Health check's "Go to"). */
    handleSectionJump(event: CustomEvent<{ section?: string }>): void {
        this.jumpTo(event.detail?.section);
    }

    private jumpTo(name: string | undefined): void {
        const target = name ? this.template?.querySelector<HTMLElement>(`[data-section="${name}"]`) : null;
        if (!name || !target) return;
        this.activeSection = name;
        if (typeof target.scrollIntoView === 'function') target.scrollIntoView({ behavior: 'smooth', block: 'start' });
        target.focus({ preventScroll: true });
    }
}
