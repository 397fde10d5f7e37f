/**
 * "Webex Calling Backend", a section of the Webex Admin tab (B8): the phone system behind the users' Webex lines.
 * Webex Calling gets every calling feature; with Unified CM or BroadWorks, Make a Call hands the call to the Webex
 * app and opens the call-log panel, and the section lists what Salesforce then cannot do, as the admin guide does.
 *
 * The choice stays as the administrator left it until Save; a failure keeps it, with the reason.
 */
import { LightningElement } from 'lwc';
import getCallingBackend from '@salesforce/apex/WebexCallingAdminController.getCallingBackend';
import saveCallingBackend from '@salesforce/apex/WebexCallingAdminController.saveCallingBackend';
import { IDLE, type SectionState } from 'c/webexAdminSectionFlow';
import type { SectionFrame } from 'c/webexAdminSection';
import { callingFlow, callingFrame } from 'c/webexCallingAdminForms';
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
import SAVED from '@salesforce/label/c.WebexCallingAdmin_Saved';
import TITLE from '@salesforce/label/c.WebexCallingAdmin_BackendTitle';
import UNIFIED_CM from '@salesforce/label/c.WebexCallingAdmin_BackendUnifiedCm';
import UNIFIED_CM_HELP from '@salesforce/label/c.WebexCallingAdmin_BackendUnifiedCmHelp';
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

export default class WebexAdminCallingBackend extends LightningElement {
    readonly labels = { legend: LEGEND, limitsTitle: LIMITS_TITLE };
    readonly limits = LIMITS;

    /** What the server last said; null until it answered. */
    saved: WebexCallingBackend | null = null;
    /** The administrator's choice, saved or not. */
    backend: WebexCallingBackend = 'WebexCalling';
    state: SectionState = IDLE;
    private readonly flow = callingFlow(this, TITLE);

    connectedCallback(): void {
        this.handleRetry();
    }

    get frame(): SectionFrame {
        return callingFrame(TITLE, 'standard:call_coaching', HELP, this.isDirty);
    }

    get isBusy(): boolean {
        return this.flow.isBusy;
    }

    get isDirty(): boolean {
        return this.saved !== null && this.saved !== this.backend;
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
        return this.saved !== null && this.backend !== 'WebexCalling';
    }

    handleChoose(event: Event): void {
        const value = (event.target as HTMLInputElement).value as WebexCallingBackend;
        if (!BACKENDS.some((option) => option.value === value)) return;
        this.backend = value;
        this.flow.edited();
    }

    async handleSave(): Promise<void> {
        if (this.isBusy || !this.isDirty) return;
        // A failure keeps the choice as the administrator left it.
        await this.flow.run('saving', () => saveCallingBackend({ backend: this.backend }), {
            apply: (backend) => this.apply(backend),
            success: formatLabel(SAVED, TITLE)
        });
    }

    handleRetry(): void {
        this.flow.load(
            () => getCallingBackend(),
            (backend) => this.apply(backend)
        );
    }

    private apply(backend: WebexCallingBackend): void {
        const known = BACKENDS.some((option) => option.value === backend);
        this.saved = known ? backend : 'WebexCalling';
        this.backend = this.saved;
    }
}
