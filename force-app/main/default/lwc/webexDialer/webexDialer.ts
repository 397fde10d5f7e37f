/**
 * The "Webex" utility item (B1): the app's utility bar hosts it in a 420 × 460 panel that starts
 * automatically, so incoming calls reach it while the panel is closed. It holds Calling now; Chat
 * joins it as a second tab later, which is why Calling is a component of its own (c-webex-calling).
 *
 * When Calling needs the rep's eyes (a call comes in, Make a Call dials), it fires `attention` and the
 * item opens its own panel (`lightning/platformUtilityBarApi`: only the utility item knows its id).
 */
import { LightningElement, wire } from 'lwc';
import { EnclosingUtilityId, open } from 'lightning/platformUtilityBarApi';
import CALLING from '@salesforce/label/c.WebexDialer_TabCalling';

export default class WebexDialer extends LightningElement {
    readonly labels = { calling: CALLING };

    @wire(EnclosingUtilityId) utilityId?: string;

    handleAttention(): void {
        // Not in a utility bar (an app page, a test): there is no panel to open.
        if (!this.utilityId) return;
        open(this.utilityId, { autoFocus: false }).catch(() => undefined);
    }
}
