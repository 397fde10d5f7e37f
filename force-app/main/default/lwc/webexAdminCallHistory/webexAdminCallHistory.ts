/**
 * "Webex Call History", a section of the Webex Admin tab (B6): one switch, on or off for all users, as the admin
 * guide describes it. Stored as the CallHistory feature of the enablement model (A7) with "for all"; profiles and
 * users an administrator may have chosen before keep it, and the section says so.
 *
 * The switch stays as the administrator left it until Save; a failure keeps it, with the reason.
 */
import { LightningElement } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getFeatureAccess from '@salesforce/apex/WebexEnablementController.getFeatureAccess';
import saveFeatureAccess from '@salesforce/apex/WebexEnablementController.saveFeatureAccess';
import { toWebexError } from 'c/webexErrors';
import { formatLabel } from 'c/webexLabelFormat';
import GRANTEES from '@salesforce/label/c.WebexCallingAdmin_CallHistoryGrantees';
import HELP from '@salesforce/label/c.WebexCallingAdmin_CallHistoryHelp';
import LOAD_ERROR_TITLE from '@salesforce/label/c.WebexCallingAdmin_LoadErrorTitle';
import LOADING from '@salesforce/label/c.WebexCallingAdmin_Loading';
import OFF_HELP from '@salesforce/label/c.WebexCallingAdmin_CallHistoryOffHelp';
import ON_HELP from '@salesforce/label/c.WebexCallingAdmin_CallHistoryOnHelp';
import RETRY from '@salesforce/label/c.WebexCallingAdmin_Retry';
import SAVE from '@salesforce/label/c.WebexCallingAdmin_Save';
import SAVE_ERROR_TITLE from '@salesforce/label/c.WebexCallingAdmin_SaveErrorTitle';
import SAVED from '@salesforce/label/c.WebexCallingAdmin_Saved';
import SAVING from '@salesforce/label/c.WebexCallingAdmin_Saving';
import SWITCH from '@salesforce/label/c.WebexCallingAdmin_CallHistorySwitch';
import TITLE from '@salesforce/label/c.WebexCallingAdmin_CallHistoryTitle';
import UNSAVED from '@salesforce/label/c.WebexCallingAdmin_Unsaved';

/** The enablement model's feature behind the switch. */
export const FEATURE: WebexFeature = 'CallHistory';

type BusyAction = 'loading' | 'saving';

export default class WebexAdminCallHistory extends LightningElement {
    readonly labels = {
        title: TITLE,
        help: HELP,
        switchLabel: SWITCH,
        save: SAVE,
        unsaved: UNSAVED,
        loadErrorTitle: LOAD_ERROR_TITLE,
        saveErrorTitle: SAVE_ERROR_TITLE,
        retry: RETRY
    };

    /** What the server last said; null until it answered. */
    saved: WebexFeatureAccessState | null = null;
    /** The switch, saved or not. */
    enabled = false;
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
        return Boolean(this.saved && this.saved.enabledForAll !== this.enabled);
    }

    get saveDisabled(): boolean {
        return this.isBusy || !this.isDirty;
    }

    /** What the switch's position means for users. */
    get stateHelp(): string {
        return this.enabled ? ON_HELP : OFF_HELP;
    }

    /** Said while the switch is off and some profiles or users were given call history one by one. */
    get granteesNote(): string | null {
        const count = this.saved?.grantees?.length ?? 0;
        return !this.enabled && count > 0 ? formatLabel(GRANTEES, count) : null;
    }

    handleToggle(event: Event): void {
        this.enabled = (event.target as HTMLInputElement).checked;
        this.successMessage = null;
    }

    async handleSave(): Promise<void> {
        if (!this.saved || this.saveDisabled) return;
        this.busy = 'saving';
        this.saveError = null;
        this.successMessage = null;
        try {
            const state = await saveFeatureAccess({
                feature: FEATURE,
                enabledForAll: this.enabled,
                // Kept as they are: this section only switches "for all".
                granteeIds: (this.saved.grantees ?? []).map((grantee) => grantee.id)
            });
            this.apply(state);
            const message = formatLabel(SAVED, TITLE);
            this.successMessage = message;
            this.dispatchEvent(new ShowToastEvent({ title: TITLE, message, variant: 'success' }));
        } catch (error) {
            // Nothing is lost: the switch stays as the administrator left it.
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
            this.apply(await getFeatureAccess({ feature: FEATURE }));
        } catch (error) {
            this.loadError = toWebexError(error).message;
        } finally {
            this.busy = null;
        }
    }

    private apply(state: WebexFeatureAccessState): void {
        this.saved = { ...state, enabledForAll: Boolean(state?.enabledForAll), grantees: [...(state?.grantees ?? [])] };
        this.enabled = this.saved.enabledForAll;
    }
}
