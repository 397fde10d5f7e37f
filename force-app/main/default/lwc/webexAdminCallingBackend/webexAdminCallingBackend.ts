/**
 * "Webex Calling Backend", a section of the Webex Admin tab (B8): the phone system behind the users' Webex lines.
 * Webex Calling gets every calling feature; with Unified CM or BroadWorks, Make a Call hands the call to the Webex
 * app and opens the call-log panel, and the section lists what Salesforce then cannot do, as the admin guide does.
 *
 * The choice stays as the administrator left it until Save; a failure keeps it, with the reason.
 */
import { LightningElement } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getCallingBackend from '@salesforce/apex/WebexCallingAdminController.getCallingBackend';
import saveCallingBackend from '@salesforce/apex/WebexCallingAdminController.saveCallingBackend';
import { toWebexError } from 'c/webexErrors';
import { formatLabel } from 'c/webexLabelFormat';
import BROADWORKS from '@salesforce/label/c.WebexCallingAdmin_BackendBroadWorks';
import BROADWORKS_HELP from '@salesforce/label/c.WebexCallingAdmin_BackendBroadWorksHelp';
import HELP from '@salesforce/label/c.WebexCallingAdmin_BackendHelp';
import LEGEND from '@salesforce/label/c.WebexCallingAdmin_BackendLegend';
import LIMITS_TITLE from '@salesforce/label/c.WebexCallingAdmin_BackendLimitsTitle';
import LIMIT_DURATION from '@salesforce/label/c.WebexCallingAdmin_BackendLimitDuration';
import LIMIT_DURATION_FILL from '@salesforce/label/c.WebexCallingAdmin_BackendLimitDurationFill';
import LIMIT_HANG_UP from '@salesforce/label/c.WebexCallingAdmin_BackendLimitHangUp';
import LIMIT_INBOUND from '@salesforce/label/c.WebexCallingAdmin_BackendLimitInbound';
import LOAD_ERROR_TITLE from '@salesforce/label/c.WebexCallingAdmin_LoadErrorTitle';
import LOADING from '@salesforce/label/c.WebexCallingAdmin_Loading';
import RETRY from '@salesforce/label/c.WebexCallingAdmin_Retry';
import SAVE from '@salesforce/label/c.WebexCallingAdmin_Save';
import SAVE_ERROR_TITLE from '@salesforce/label/c.WebexCallingAdmin_SaveErrorTitle';
import SAVED from '@salesforce/label/c.WebexCallingAdmin_Saved';
import SAVING from '@salesforce/label/c.WebexCallingAdmin_Saving';
import TITLE from '@salesforce/label/c.WebexCallingAdmin_BackendTitle';
import UNIFIED_CM from '@salesforce/label/c.WebexCallingAdmin_BackendUnifiedCm';
import UNIFIED_CM_HELP from '@salesforce/label/c.WebexCallingAdmin_BackendUnifiedCmHelp';
import UNSAVED from '@salesforce/label/c.WebexCallingAdmin_Unsaved';
import WEBEX_CALLING from '@salesforce/label/c.WebexCallingAdmin_BackendWebexCalling';
import WEBEX_CALLING_HELP from '@salesforce/label/c.WebexCallingAdmin_BackendWebexCallingHelp';

/** The backends, in the order the section offers them, with what each means. */
export const BACKENDS: ReadonlyArray<{ value: WebexCallingBackend; label: string; help: string }> = [
    { value: 'WebexCalling', label: WEBEX_CALLING, help: WEBEX_CALLING_HELP },
    { value: 'UnifiedCM', label: UNIFIED_CM, help: UNIFIED_CM_HELP },
    { value: 'BroadWorks', label: BROADWORKS, help: BROADWORKS_HELP }
];

/** What Salesforce cannot do with Unified CM or BroadWorks (admin guide, B8). */
export const LIMITS: readonly string[] = [LIMIT_INBOUND, LIMIT_DURATION, LIMIT_HANG_UP, LIMIT_DURATION_FILL];

type BusyAction = 'loading' | 'saving';

export default class WebexAdminCallingBackend extends LightningElement {
    readonly labels = {
        title: TITLE,
        help: HELP,
        legend: LEGEND,
        limitsTitle: LIMITS_TITLE,
        save: SAVE,
        unsaved: UNSAVED,
        loadErrorTitle: LOAD_ERROR_TITLE,
        saveErrorTitle: SAVE_ERROR_TITLE,
        retry: RETRY
    };
    readonly limits = LIMITS;

    /** What the server last said; null until it answered. */
    saved: WebexCallingBackend | null = null;
    /** The administrator's choice, saved or not. */
    backend: WebexCallingBackend = 'WebexCalling';
    busy: BusyAction | null = null;
    loadError: string | null = null;
    saveError: string | null = null;
    successMessage: string | null = null;

    connectedCallback(): void {
        this.load();
    }

    get isBusy(): boolean {
        return this.busy !== null;
    }

    get isLoaded(): boolean {
        return this.saved !== null;
    }

    get busyMessage(): string | null {
        if (this.busy === 'loading') return LOADING;
        if (this.busy === 'saving') return SAVING;
        return null;
    }

    get isDirty(): boolean {
        return this.saved !== null && this.saved !== this.backend;
    }

    get saveDisabled(): boolean {
        return this.isBusy || !this.isDirty;
    }

    get options() {
        return BACKENDS.map((option) => ({
            ...option,
            id: `backend-${option.value}`,
            helpId: `backend-${option.value}-help`,
            checked: option.value === this.backend
        }));
    }

    /** Unified CM and BroadWorks leave some calling features out: the section lists them. */
    get showLimits(): boolean {
        return this.isLoaded && this.backend !== 'WebexCalling';
    }

    handleChoose(event: Event): void {
        const value = (event.target as HTMLInputElement).value as WebexCallingBackend;
        if (!BACKENDS.some((option) => option.value === value)) return;
        this.backend = value;
        this.successMessage = null;
    }

    async handleSave(): Promise<void> {
        if (this.saveDisabled) return;
        this.busy = 'saving';
        this.saveError = null;
        this.successMessage = null;
        try {
            this.apply(await saveCallingBackend({ backend: this.backend }));
            const message = formatLabel(SAVED, TITLE);
            this.successMessage = message;
            this.dispatchEvent(new ShowToastEvent({ title: TITLE, message, variant: 'success' }));
        } catch (error) {
            // Nothing is lost: the choice stays as the administrator left it.
            this.saveError = toWebexError(error).message;
        } finally {
            this.busy = null;
        }
    }

    handleRetry(): void {
        this.load();
    }

    private async load(): Promise<void> {
        this.busy = 'loading';
        this.loadError = null;
        try {
            this.apply(await getCallingBackend());
        } catch (error) {
            this.loadError = toWebexError(error).message;
        } finally {
            this.busy = null;
        }
    }

    private apply(backend: WebexCallingBackend): void {
        const known = BACKENDS.some((option) => option.value === backend);
        this.saved = known ? backend : 'WebexCalling';
        this.backend = this.saved;
    }
}
