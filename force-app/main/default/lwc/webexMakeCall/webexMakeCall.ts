/**
 * "Make a Call" (B2), a screen quick action on Contact, Lead and any object with phone fields: lists the
 * numbers of the record's "Webex Phone Fields" with their field labels, and hands the chosen one to the
 * Webex dialer (`c/webexDialRequest`) as the E.164 number of the record's country (a French Contact's
 * `09.23.88.27.45` is `+33923882745` for a rep anywhere), which dials, retries and opens the call log. The action closes once
 * the dialer accepts; when no dialer answers, it says how to get one and keeps the choice.
 *
 * A quick action receives `recordId` after it is connected (not in `connectedCallback`): the numbers load
 * when it arrives.
 */
import { LightningElement, api, wire } from 'lwc';
import { CloseActionScreenEvent } from 'lightning/actions';
import { MessageContext, type MessageContextType } from 'lightning/messageService';
import getRecordPhones from '@salesforce/apex/WebexCallController.getRecordPhones';
import { requestDial } from 'c/webexDialRequest';
import { toWebexError } from 'c/webexErrors';
import { formatLabel } from 'c/webexLabelFormat';
import { numberToDial } from 'c/webexPhoneNumber';
import CALL from '@salesforce/label/c.WebexMakeCall_Call';
import CALLING from '@salesforce/label/c.WebexMakeCall_Calling';
import CANCEL from '@salesforce/label/c.WebexMakeCall_Cancel';
import LOAD_ERROR_TITLE from '@salesforce/label/c.WebexMakeCall_LoadErrorTitle';
import LOADING from '@salesforce/label/c.WebexMakeCall_Loading';
import NO_DIALER from '@salesforce/label/c.WebexMakeCall_NoDialer';
import NO_PHONE from '@salesforce/label/c.WebexMakeCall_NoPhone';
import NUMBER_OPTION from '@salesforce/label/c.WebexMakeCall_NumberOption';
import NUMBERS_LABEL from '@salesforce/label/c.WebexMakeCall_NumbersLabel';
import RETRY from '@salesforce/label/c.WebexMakeCall_Retry';
import TITLE from '@salesforce/label/c.WebexMakeCall_Title';

export default class WebexMakeCall extends LightningElement {
    @api objectApiName: string | undefined;

    @wire(MessageContext) messageContext: MessageContextType | undefined;

    readonly labels = {
        title: TITLE,
        loading: LOADING,
        numbers: NUMBERS_LABEL,
        noPhone: NO_PHONE,
        call: CALL,
        cancel: CANCEL,
        calling: CALLING,
        noDialer: NO_DIALER,
        loadErrorTitle: LOAD_ERROR_TITLE,
        retry: RETRY
    };

    record: WebexRecordPhones | null = null;
    loading = false;
    loadError = '';
    /** The chosen phone field. */
    selectedField = '';
    handingOver = false;
    noDialer = false;
    private currentRecordId: string | undefined;

    @api
    get recordId(): string | undefined {
        return this.currentRecordId;
    }
    set recordId(value: string | undefined) {
        const changed = value !== this.currentRecordId;
        this.currentRecordId = value;
        if (value && changed) this.load();
    }

    get options(): Array<{ label: string; value: string }> {
        return (this.record?.phones ?? []).map((phone) => ({
            label: formatLabel(NUMBER_OPTION, phone.label, phone.number),
            value: phone.field
        }));
    }

    get hasPhones(): boolean {
        return this.options.length > 0;
    }

    get hasNoPhone(): boolean {
        return Boolean(this.record) && !this.hasPhones;
    }

    get callDisabled(): boolean {
        return !this.selectedPhone || this.handingOver;
    }

    private get selectedPhone(): WebexPhoneOption | undefined {
        return this.record?.phones.find((phone) => phone.field === this.selectedField);
    }

    handleChange(event: CustomEvent<{ value: string }>): void {
        this.selectedField = event.detail.value;
        this.noDialer = false;
    }

    async handleCall(): Promise<void> {
        const phone = this.selectedPhone;
        if (!phone || !this.record || !this.messageContext || this.handingOver) return;
        this.handingOver = true;
        this.noDialer = false;
        const accepted = await requestDial(this.messageContext, {
            // E.164 in the record's country: the dialer reads a national number in the rep's.
            number: numberToDial(phone),
            recordId: this.record.recordId,
            objectApiName: this.record.objectApiName,
            recordName: this.record.recordName || null
        });
        this.handingOver = false;
        if (accepted) this.close();
        else this.noDialer = true;
    }

    handleRetry(): void {
        this.load();
    }

    close(): void {
        this.dispatchEvent(new CloseActionScreenEvent());
    }

    private async load(): Promise<void> {
        const recordId = this.currentRecordId;
        if (!recordId) return;
        this.loading = true;
        this.loadError = '';
        try {
            const record = await getRecordPhones({ recordId });
            if (recordId !== this.currentRecordId) return;
            this.record = record;
            // The first number is chosen, so the usual case is one click on Call.
            const kept = record.phones.some((phone) => phone.field === this.selectedField);
            this.selectedField = kept ? this.selectedField : (record.phones[0]?.field ?? '');
        } catch (error) {
            if (recordId === this.currentRecordId) this.loadError = toWebexError(error).message;
        } finally {
            if (recordId === this.currentRecordId) this.loading = false;
        }
    }
}
