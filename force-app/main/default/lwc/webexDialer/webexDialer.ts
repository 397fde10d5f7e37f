/**
 * The "Webex" utility item (B1, D.6–D.8): the app's utility bar hosts it in a 420 × 460 panel that starts
 * automatically, so incoming calls reach it while the panel is closed. Two tabs: Calling (c-webex-calling) and Chat
 * (c-webex-chat), the guide's « Composant Webex Calling/Chat ». Chat shows only for a rep with instant chat enabled;
 * its tab label carries the unread count (c/webexChatAccess).
 *
 * When Calling needs the rep's eyes (a call comes in, Make a Call dials), it fires `attention`: the item shows
 * Calling and opens its own panel (`lightning/platformUtilityBarApi`: only the utility item knows its id).
 */
import { LightningElement, wire } from 'lwc';
import { EnclosingUtilityId, open } from 'lightning/platformUtilityBarApi';
import getMessagingSession from '@salesforce/apex/WebexSpacesController.getMessagingSession';
import { ChatAccess, NO_CHAT } from 'c/webexChatAccess';
import { chatListFor } from 'c/webexChatList';
import { formatLabel } from 'c/webexLabelFormat';
import { getMessagingSession as openMessagingSession } from 'c/webexMessagingSession';
import CALLING from '@salesforce/label/c.WebexDialer_TabCalling';
import CHAT from '@salesforce/label/c.WebexDialer_TabChat';
import CHAT_UNREAD from '@salesforce/label/c.WebexDialer_TabChatUnread';
import CHAT_UNREAD_TITLE from '@salesforce/label/c.WebexDialer_TabChatUnreadTitle';

/** Counts beyond this read "99+" (c/webexChatReads counts no further). */
const MAX_SHOWN = 99;

export default class WebexDialer extends LightningElement {
    readonly labels = { calling: CALLING };

    @wire(EnclosingUtilityId) utilityId?: string;

    chatEnabled = NO_CHAT.chatEnabled;
    chatUnread = NO_CHAT.chatUnread;
    activeTab = 'calling';

    private readonly chat = new ChatAccess({
        check: () => getMessagingSession(),
        openSession: () => openMessagingSession(this),
        listFor: chatListFor,
        onChange: (state) => Object.assign(this, state)
    });

    connectedCallback(): void {
        this.chat.start();
    }

    disconnectedCallback(): void {
        this.chat.close();
    }

    /** "Chat", or "Chat (3)" while messages wait: lightning-tab shows text only, so the count is in its label. */
    get chatLabel(): string {
        if (!this.chatUnread) return CHAT;
        return formatLabel(CHAT_UNREAD, this.unreadText);
    }

    get chatTitle(): string {
        return this.chatUnread ? formatLabel(CHAT_UNREAD_TITLE, this.unreadText) : CHAT;
    }

    private get unreadText(): string {
        return this.chatUnread >= MAX_SHOWN ? `${MAX_SHOWN}+` : String(this.chatUnread);
    }

    handleTabActive(event: Event): void {
        this.activeTab = (event.target as HTMLElement & { value: string }).value;
    }

    handleAttention(): void {
        // A call needs the rep: Calling shows, whichever tab was open.
        this.activeTab = 'calling';
        // Not in a utility bar (an app page, a test): there is no panel to open.
        if (!this.utilityId) return;
        open(this.utilityId, { autoFocus: false }).catch(() => undefined);
    }
}
