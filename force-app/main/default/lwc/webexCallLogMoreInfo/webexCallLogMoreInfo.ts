/**
 * "More info" of the call-log panel (B5): for the caller's account, one section per configuration the
 * administrator saved (WebexCallLogTab__c), listing its most recent records with the configured fields; each
 * record opens in Salesforce. Loads when shown, and again when the caller changes (the dialer may match them late).
 * Without a contact with an account there is nothing to show, and the panel says why. Contact and Account are named
 * as the org names them (c/webexObjectNames).
 */
import { api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import getMoreInfo from '@salesforce/apex/WebexCallLogController.getMoreInfo';
import { toWebexError } from 'c/webexErrors';
import { formatLabel } from 'c/webexLabelFormat';
import { AccountNamesElement } from 'c/webexObjectNames';
import EMPTY from '@salesforce/label/c.WebexCallLog_MoreInfoEmpty';
import ERROR_TITLE from '@salesforce/label/c.WebexCallLog_MoreInfoErrorTitle';
import LOADING from '@salesforce/label/c.WebexCallLog_MoreInfoLoading';
import NEEDS_ACCOUNT from '@salesforce/label/c.WebexCallLog_MoreInfoNeedsAccount';
import NO_RECORDS from '@salesforce/label/c.WebexCallLog_MoreInfoNoRecords';
import OPEN_RECORD from '@salesforce/label/c.WebexCallLog_OpenRecord';
import RETRY from '@salesforce/label/c.WebexCallLog_Retry';
import { isLead } from 'c/webexCallLogModel';

interface RecordView {
    id: string;
    title: string;
    openLabel: string;
    details: Array<{ labelKey: string; valueKey: string; label: string; value: string }>;
}

interface SectionView {
    key: string;
    heading: string;
    objectApiName: string;
    records: RecordView[];
    empty: boolean;
}

export default class WebexCallLogMoreInfo extends NavigationMixin(AccountNamesElement) {
    readonly labels = { errorTitle: ERROR_TITLE, loading: LOADING, retry: RETRY };

    private caller: string | null = null;
    private connected = false;

    /** The caller: a Contact ID (a Lead or nothing: explained, not loaded). */
    @api
    get recordId(): string | null {
        return this.caller;
    }
    set recordId(value: string | null | undefined) {
        const next = value || null;
        if (next === this.caller) return;
        this.caller = next;
        if (this.connected) this.load();
    }

    tabs: WebexMoreInfoTab[] | null = null;
    loading = false;
    /** The caller is a lead or unknown: no account to read, said without asking the server. */
    private needsAccount = false;
    /** The server's reason for showing nothing (not a failure): no contact with an account. */
    private serverNotice: string | null = null;
    error: string | null = null;
    private sequence = 0;

    connectedCallback(): void {
        this.connected = true;
        this.load();
    }

    disconnectedCallback(): void {
        this.connected = false;
    }

    /** Why there is nothing to show, if so. */
    get notice(): string | null {
        if (this.needsAccount) {
            return formatLabel(
                NEEDS_ACCOUNT,
                this.objectNames.Contact.labelPlural,
                this.objectNames.Account.labelPlural
            );
        }
        return this.serverNotice;
    }

    get noRecordsText(): string {
        return formatLabel(NO_RECORDS, this.objectNames.Account.label);
    }

    get isEmpty(): boolean {
        return Array.isArray(this.tabs) && this.tabs.length === 0;
    }

    get emptyMessage(): string {
        return EMPTY;
    }

    get sections(): SectionView[] {
        return (this.tabs ?? []).map((tab, index) => ({
            key: `${tab.objectApiName}-${index}`,
            heading: tab.objectLabel,
            objectApiName: tab.objectApiName,
            empty: tab.records.length === 0,
            records: tab.records.map((record) => {
                const title = record.values[0] || record.id;
                return {
                    id: record.id,
                    title,
                    openLabel: formatLabel(OPEN_RECORD, title),
                    details: tab.fields.slice(1).map((field, position) => ({
                        labelKey: `${record.id}-${field.apiName}-label`,
                        valueKey: `${record.id}-${field.apiName}-value`,
                        label: field.label,
                        value: record.values[position + 1] ?? ''
                    }))
                };
            })
        }));
    }

    handleRetry(): void {
        this.load();
    }

    handleOpen(event: Event): void {
        const { id, object } = (event.currentTarget as HTMLElement).dataset;
        if (!id) return;
        this[NavigationMixin.Navigate]({
            type: 'standard__recordPage',
            attributes: { recordId: id, objectApiName: object, actionName: 'view' }
        });
    }

    private async load(): Promise<void> {
        const mine = ++this.sequence;
        this.error = null;
        this.serverNotice = null;
        this.tabs = null;
        const caller = this.caller;
        this.needsAccount = !caller || isLead(caller);
        if (!caller || this.needsAccount) {
            this.loading = false;
            return;
        }
        this.loading = true;
        try {
            const tabs = await getMoreInfo({ recordId: caller });
            if (mine !== this.sequence) return;
            this.tabs = Array.isArray(tabs) ? tabs : [];
        } catch (error) {
            if (mine !== this.sequence) return;
            const failure = toWebexError(error);
            // The server's NOT_FOUND says the caller is not a contact with an account: a fact, not a failure.
            if (failure.code === 'NOT_FOUND') this.serverNotice = failure.message;
            else this.error = failure.message;
        } finally {
            if (mine === this.sequence) this.loading = false;
        }
    }
}
