/**
 * "Webex Outbound Call Log" and "Webex Inbound Call Log", sections of the Webex Admin tab (B4), one component used
 * once per direction: who logs calls of that direction (the enablement picker, A7, with its own Save), and the
 * objects a log can be related to (a dual listbox of the objects a Task's Related To can point to, in the order the
 * call-log panel offers them).
 *
 * The objects' changes stay in the section until their Save; a failure keeps the list as the administrator left it,
 * with the reason.
 */
import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getCallLogObjects from '@salesforce/apex/WebexCallingAdminController.getCallLogObjects';
import saveCallLogObjects from '@salesforce/apex/WebexCallingAdminController.saveCallLogObjects';
import { toWebexError } from 'c/webexErrors';
import { formatLabel } from 'c/webexLabelFormat';
import { sameList, toListOptions, valuesOf } from 'c/webexCallingAdminForms';
import ADD from '@salesforce/label/c.WebexCallingAdmin_ListAdd';
import AVAILABLE from '@salesforce/label/c.WebexCallingAdmin_ListAvailable';
import DOWN from '@salesforce/label/c.WebexCallingAdmin_ListDown';
import INBOUND_HELP from '@salesforce/label/c.WebexCallingAdmin_InboundHelp';
import INBOUND_TITLE from '@salesforce/label/c.WebexCallingAdmin_InboundTitle';
import INBOUND_WHO from '@salesforce/label/c.WebexCallingAdmin_InboundWho';
import INBOUND_WHO_HELP from '@salesforce/label/c.WebexCallingAdmin_InboundWhoHelp';
import LOAD_ERROR_TITLE from '@salesforce/label/c.WebexCallingAdmin_LoadErrorTitle';
import LOADING from '@salesforce/label/c.WebexCallingAdmin_Loading';
import OBJECTS from '@salesforce/label/c.WebexCallingAdmin_RelatedObjects';
import OBJECTS_HELP from '@salesforce/label/c.WebexCallingAdmin_RelatedObjectsHelp';
import OBJECTS_NONE from '@salesforce/label/c.WebexCallingAdmin_RelatedObjectsNone';
import OUTBOUND_HELP from '@salesforce/label/c.WebexCallingAdmin_OutboundHelp';
import OUTBOUND_TITLE from '@salesforce/label/c.WebexCallingAdmin_OutboundTitle';
import OUTBOUND_WHO from '@salesforce/label/c.WebexCallingAdmin_OutboundWho';
import OUTBOUND_WHO_HELP from '@salesforce/label/c.WebexCallingAdmin_OutboundWhoHelp';
import REMOVE from '@salesforce/label/c.WebexCallingAdmin_ListRemove';
import RETRY from '@salesforce/label/c.WebexCallingAdmin_Retry';
import SAVE from '@salesforce/label/c.WebexCallingAdmin_Save';
import SAVE_ERROR_TITLE from '@salesforce/label/c.WebexCallingAdmin_SaveErrorTitle';
import SAVED from '@salesforce/label/c.WebexCallingAdmin_Saved';
import SAVING from '@salesforce/label/c.WebexCallingAdmin_Saving';
import SELECTED from '@salesforce/label/c.WebexCallingAdmin_ListSelected';
import UNSAVED from '@salesforce/label/c.WebexCallingAdmin_Unsaved';
import UP from '@salesforce/label/c.WebexCallingAdmin_ListUp';

type Direction = 'Outbound' | 'Inbound';
type BusyAction = 'loading' | 'saving';

/** What each direction's section says, and the feature whose access it edits. */
export const DIRECTIONS: Readonly<
    Record<Direction, { feature: WebexFeature; title: string; help: string; who: string; whoHelp: string }>
> = {
    Outbound: {
        feature: 'OutboundCallLog',
        title: OUTBOUND_TITLE,
        help: OUTBOUND_HELP,
        who: OUTBOUND_WHO,
        whoHelp: OUTBOUND_WHO_HELP
    },
    Inbound: {
        feature: 'InboundCallLog',
        title: INBOUND_TITLE,
        help: INBOUND_HELP,
        who: INBOUND_WHO,
        whoHelp: INBOUND_WHO_HELP
    }
};

export default class WebexAdminCallLog extends LightningElement {
    /** `Outbound` or `Inbound`. */
    @api direction: Direction = 'Outbound';

    readonly labels = {
        objects: OBJECTS,
        objectsHelp: OBJECTS_HELP,
        available: AVAILABLE,
        selected: SELECTED,
        add: ADD,
        remove: REMOVE,
        up: UP,
        down: DOWN,
        save: SAVE,
        unsaved: UNSAVED,
        loadErrorTitle: LOAD_ERROR_TITLE,
        saveErrorTitle: SAVE_ERROR_TITLE,
        retry: RETRY
    };

    /** What the server last said; null until it answered. */
    settings: WebexCallLogObjectsSettings | null = null;
    /** The administrator's choice, saved or not. */
    chosenObjects: string[] = [];
    busy: BusyAction | null = null;
    loadError: string | null = null;
    saveError: string | null = null;
    successMessage: string | null = null;

    connectedCallback(): void {
        this.load();
    }

    get copy() {
        return DIRECTIONS[this.direction] ?? DIRECTIONS.Outbound;
    }

    get isBusy(): boolean {
        return this.busy !== null;
    }

    get isLoaded(): boolean {
        return this.settings !== null;
    }

    get busyMessage(): string | null {
        if (this.busy === 'loading') return LOADING;
        if (this.busy === 'saving') return SAVING;
        return null;
    }

    get options() {
        return toListOptions(this.settings?.available);
    }

    get isDirty(): boolean {
        return Boolean(this.settings && !sameList(this.settings.selected, this.chosenObjects));
    }

    get saveDisabled(): boolean {
        return this.isBusy || !this.isDirty;
    }

    /** Said under the list when no object is chosen: the log is then related to the person only. */
    get noneWarning(): string | null {
        return this.isLoaded && this.chosenObjects.length === 0 ? OBJECTS_NONE : null;
    }

    handleChange(event: Event): void {
        this.chosenObjects = valuesOf(event);
        this.successMessage = null;
    }

    async handleSave(): Promise<void> {
        if (!this.settings || this.saveDisabled) return;
        this.busy = 'saving';
        this.saveError = null;
        this.successMessage = null;
        try {
            this.apply(
                await saveCallLogObjects({ direction: this.direction, objectApiNames: [...this.chosenObjects] })
            );
            const message = formatLabel(SAVED, this.copy.title);
            this.successMessage = message;
            this.dispatchEvent(new ShowToastEvent({ title: this.copy.title, message, variant: 'success' }));
        } catch (error) {
            // Nothing is lost: the list stays as the administrator left it.
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
            this.apply(await getCallLogObjects({ direction: this.direction }));
        } catch (error) {
            this.loadError = toWebexError(error).message;
        } finally {
            this.busy = null;
        }
    }

    private apply(settings: WebexCallLogObjectsSettings): void {
        this.settings = {
            ...settings,
            available: [...(settings?.available ?? [])],
            selected: [...(settings?.selected ?? [])]
        };
        this.chosenObjects = [...this.settings.selected];
    }
}
