/**
 * "Create Space" (D.17; French « Créer un espace »), a screen quick action on Opportunity, Account, Case, Contact
 * and Lead: the space form (`c-webex-space-form`) for the record. Once Apex created the space, linked it to the
 * record and added the people, a toast says who was added and who was not (and why), the action asks the page to
 * refresh (`RefreshEvent`, LWC Developer Guide › Use RefreshView API,
 * https://developer.salesforce.com/docs/platform/lwc/guide/data-refreshview-api.html) so the record's "Webex Spaces"
 * shows the new space without a reload, and closes.
 *
 * A quick action receives `recordId` after it is connected (not in `connectedCallback`): the form appears when
 * it arrives.
 */
import { LightningElement, api } from 'lwc';
import { CloseActionScreenEvent } from 'lightning/actions';
import { RefreshEvent } from 'lightning/refresh';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { summarize } from 'c/webexSpaceMessages';
import TITLE from '@salesforce/label/c.WebexSpaces_CreateSpace';

export default class WebexCreateSpace extends LightningElement {
    @api recordId: string | undefined;
    @api objectApiName: string | undefined;

    readonly labels = { title: TITLE };

    handleDone(event: CustomEvent<WebexCreatedSpace>): void {
        const summary = summarize(event.detail, true);
        const message = [summary.added, summary.notAdded].filter(Boolean).join(' ');
        this.dispatchEvent(
            new ShowToastEvent({
                title: summary.created ?? '',
                message: message || (summary.created ?? ''),
                variant: summary.notAdded ? 'warning' : 'success'
            })
        );
        // Before closing: the event bubbles from the action to the page's refresh container while it is still there.
        this.dispatchEvent(new RefreshEvent());
        this.close();
    }

    close(): void {
        this.dispatchEvent(new CloseActionScreenEvent());
    }
}
