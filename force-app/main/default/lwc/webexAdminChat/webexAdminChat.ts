/**
 * "Webex Chat", a section of the Webex Admin tab (D.10, D.11 of the admin guide): who gets instant chat, the Chat
 * tab of the "Webex" utility item. It is the InstantChat feature of the enablement model (A7), edited with the
 * enablement picker and its own Save: "Enable instant chat for all profiles/users" (the guide's words), or only the
 * profiles and users added. The entry left "Webex Feature Access" when this section came.
 */
import { LightningElement } from 'lwc';
import type { SectionFrame } from 'c/webexAdminSection';
import ENABLE_FOR_ALL from '@salesforce/label/c.WebexChatAdmin_EnableForAll';
import HELP from '@salesforce/label/c.WebexChatAdmin_Help';
import TITLE from '@salesforce/label/c.WebexChatAdmin_Title';
import WHO from '@salesforce/label/c.WebexChatAdmin_Who';
import WHO_HELP from '@salesforce/label/c.WebexChatAdmin_WhoHelp';

/** The enablement model's feature behind the section (WebexFeatureAccess.INSTANT_CHAT). */
export const FEATURE: WebexFeature = 'InstantChat';

export default class WebexAdminChat extends LightningElement {
    readonly feature = FEATURE;
    readonly labels = { who: WHO, whoHelp: WHO_HELP, enableForAll: ENABLE_FOR_ALL };
    readonly frame: SectionFrame = { heading: TITLE, iconName: 'standard:live_chat', help: HELP, labels: {} };
}
