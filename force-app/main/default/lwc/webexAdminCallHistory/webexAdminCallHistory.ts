/**
 * "Webex Call History", a section of the Webex Admin tab (B6): one switch, on or off for all users, as the admin
 * guide describes it. Stored as the CallHistory feature of the enablement model (A7) with "for all"; profiles and
 * users an administrator may have chosen before keep it, and the section says so.
 *
 * The switch stays as the administrator left it until Save; a failure keeps it, with the reason.
 */
import { LightningElement } from 'lwc';
import getFeatureAccess from '@salesforce/apex/WebexEnablementController.getFeatureAccess';
import saveFeatureAccess from '@salesforce/apex/WebexEnablementController.saveFeatureAccess';
import { IDLE, type SectionState } from 'c/webexAdminSectionFlow';
import type { SectionFrame } from 'c/webexAdminSection';
import { callingFlow, callingFrame } from 'c/webexCallingAdminForms';
import { formatLabel } from 'c/webexLabelFormat';
import GRANTEES from '@salesforce/label/c.WebexCallingAdmin_CallHistoryGrantees';
import HELP from '@salesforce/label/c.WebexCallingAdmin_CallHistoryHelp';
import OFF_HELP from '@salesforce/label/c.WebexCallingAdmin_CallHistoryOffHelp';
import ON_HELP from '@salesforce/label/c.WebexCallingAdmin_CallHistoryOnHelp';
import SAVED from '@salesforce/label/c.WebexCallingAdmin_Saved';
import SWITCH from '@salesforce/label/c.WebexCallingAdmin_CallHistorySwitch';
import TITLE from '@salesforce/label/c.WebexCallingAdmin_CallHistoryTitle';

/** The enablement model's feature behind the switch. */
export const FEATURE: WebexFeature = 'CallHistory';

export default class WebexAdminCallHistory extends LightningElement {
    readonly labels = { switchLabel: SWITCH };

    /** What the server last said; null until it answered. */
    saved: WebexFeatureAccessState | null = null;
    /** The switch, saved or not. */
    enabled = false;
    state: SectionState = IDLE;
    private readonly flow = callingFlow(this, TITLE);

    connectedCallback(): void {
        this.handleRetry();
    }

    get frame(): SectionFrame {
        return callingFrame(TITLE, 'standard:recent', HELP, this.isDirty);
    }

    get isBusy(): boolean {
        return this.flow.isBusy;
    }

    get isDirty(): boolean {
        return Boolean(this.saved && this.saved.enabledForAll !== this.enabled);
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

    handleToggle(event: CustomEvent<{ checked: boolean }>): void {
        this.enabled = event.detail.checked;
        this.flow.edited();
    }

    async handleSave(): Promise<void> {
        const saved = this.saved;
        if (!saved || this.isBusy || !this.isDirty) return;
        const request = {
            feature: FEATURE,
            enabledForAll: this.enabled,
            // Kept as they are: this section only switches "for all".
            granteeIds: (saved.grantees ?? []).map((grantee) => grantee.id)
        };
        // A failure keeps the switch as the administrator left it.
        await this.flow.run('saving', () => saveFeatureAccess(request), {
            apply: (state) => this.apply(state),
            success: formatLabel(SAVED, TITLE)
        });
    }

    handleRetry(): void {
        this.flow.load(
            () => getFeatureAccess({ feature: FEATURE }),
            (state) => this.apply(state)
        );
    }

    private apply(state: WebexFeatureAccessState): void {
        this.saved = { ...state, enabledForAll: Boolean(state?.enabledForAll), grantees: [...(state?.grantees ?? [])] };
        this.enabled = this.saved.enabledForAll;
    }
}
