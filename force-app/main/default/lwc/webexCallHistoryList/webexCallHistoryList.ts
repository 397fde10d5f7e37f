/**
 * "Recent" in the dialer (B6): the rep's latest placed, received and missed calls as Webex keeps them
 * (`GET /telephony/calls/history`, at most 20 of each kind), newest first, filtered by kind; "Call back"
 * fires `callback` (`detail`: `{ number, name }`) and the dialer fills the number and calls.
 * A caller who hid their number cannot be called back.
 */
import { LightningElement, api } from 'lwc';
import getCallHistory from '@salesforce/apex/WebexCallController.getCallHistory';
import { toWebexError } from 'c/webexErrors';
import { formatLabel } from 'c/webexLabelFormat';
import { formatForDisplay, normalizeToE164 } from 'c/webexPhoneNumber';
import ALL from '@salesforce/label/c.WebexDialer_HistoryAll';
import CALL_BACK from '@salesforce/label/c.WebexDialer_CallBack';
import CALL_BACK_NAMED from '@salesforce/label/c.WebexDialer_CallBackNamed';
import EMPTY from '@salesforce/label/c.WebexDialer_HistoryEmpty';
import EXTENSION from '@salesforce/label/c.WebexDialer_Extension';
import FILTER from '@salesforce/label/c.WebexDialer_HistoryFilter';
import LOAD_FAILED from '@salesforce/label/c.WebexDialer_HistoryLoadFailed';
import LOADING from '@salesforce/label/c.WebexDialer_HistoryLoading';
import MISSED from '@salesforce/label/c.WebexDialer_HistoryMissed';
import PLACED from '@salesforce/label/c.WebexDialer_HistoryPlaced';
import PRIVATE_NUMBER from '@salesforce/label/c.WebexDialer_PrivateNumber';
import RECEIVED from '@salesforce/label/c.WebexDialer_HistoryReceived';
import RETRY from '@salesforce/label/c.WebexDialer_Retry';
import TITLE from '@salesforce/label/c.WebexDialer_HistoryTitle';

type HistoryType = WebexCallHistoryEntry['type'];

/** Webex's E.164 as a person reads it (national in the user's own country); anything else as given. */
function readable(number: string): string {
    const parsed = normalizeToE164(number, null);
    return parsed ? formatForDisplay(parsed.e164, parsed.extension, undefined, { extensionLabel: EXTENSION }) : number;
}
type Filter = HistoryType | 'all';

const TYPES: Record<HistoryType, { label: string; icon: string; variant: string | null }> = {
    placed: { label: PLACED, icon: 'utility:outbound_call', variant: null },
    received: { label: RECEIVED, icon: 'utility:incoming_call', variant: null },
    missed: { label: MISSED, icon: 'utility:missed_call', variant: 'error' }
};

export default class WebexCallHistoryList extends LightningElement {
    /** No call back while another call is in progress. */
    @api disabled = false;

    readonly labels = {
        title: TITLE,
        filter: FILTER,
        empty: EMPTY,
        loadFailed: LOAD_FAILED,
        retry: RETRY,
        loading: LOADING
    };
    readonly filters = [
        { label: ALL, value: 'all' },
        { label: PLACED, value: 'placed' },
        { label: RECEIVED, value: 'received' },
        { label: MISSED, value: 'missed' }
    ];

    filter: Filter = 'all';
    entries: WebexCallHistoryEntry[] | null = null;
    loading = false;
    error: string | null = null;
    /** Bumped for every load: an answer for an older filter is dropped. */
    private sequence = 0;

    connectedCallback(): void {
        this.load();
    }

    get isEmpty(): boolean {
        return !this.loading && !this.error && this.entries !== null && this.entries.length === 0;
    }

    get rows() {
        return (this.entries ?? []).map((entry, index) => {
            const type = TYPES[entry.type] ?? TYPES.placed;
            const number = entry.privacyEnabled || !entry.number ? null : readable(entry.number);
            const who = entry.name || number || PRIVATE_NUMBER;
            return {
                key: `${entry.time}-${index}`,
                who,
                number: entry.name && number ? number : null,
                time: entry.time,
                typeLabel: type.label,
                icon: type.icon,
                variant: type.variant,
                canCallBack: Boolean(number) && !this.disabled,
                callBackLabel: formatLabel(CALL_BACK_NAMED, who),
                index
            };
        });
    }

    readonly callBackText = CALL_BACK;

    handleFilter(event: CustomEvent<{ value: Filter }>): void {
        this.filter = event.detail.value;
        this.load();
    }

    handleRetry(): void {
        this.load();
    }

    handleCallBack(event: Event): void {
        const index = Number((event.currentTarget as HTMLElement).dataset.index);
        const entry = this.entries?.[index];
        if (!entry?.number || entry.privacyEnabled) return;
        this.dispatchEvent(new CustomEvent('callback', { detail: { number: entry.number, name: entry.name } }));
    }

    private async load(): Promise<void> {
        this.sequence += 1;
        const ticket = this.sequence;
        this.loading = true;
        this.error = null;
        try {
            const entries = await getCallHistory({ historyType: this.filter === 'all' ? null : this.filter });
            if (ticket !== this.sequence) return;
            this.entries = [...(entries ?? [])].sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : 0));
        } catch (error) {
            if (ticket !== this.sequence) return;
            this.entries = null;
            this.error = toWebexError(error).message;
        } finally {
            if (ticket === this.sequence) this.loading = false;
        }
    }
}
