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
import getCallLogObjects from '@salesforce/apex/WebexCallingAdminController.getCallLogObjects';
import saveCallLogObjects from '@salesforce/apex/WebexCallingAdminController.saveCallLogObjects';
import { IDLE, SectionFlow, type SectionState } from 'c/webexAdminSectionFlow';
import type { SectionFrame } from 'c/webexAdminSection';
import { formatLabel } from 'c/webexLabelFormat';
import {
    CALLING_BUSY_MESSAGES,
    CALLING_SECTION_LABELS,
    LISTBOX_LABELS,
    sameList,
    toListOptions,
    valuesOf
} from 'c/webexCallingAdminForms';
import INBOUND_HELP from '@salesforce/label/c.WebexCallingAdmin_InboundHelp';
import INBOUND_TITLE from '@salesforce/label/c.WebexCallingAdmin_InboundTitle';
import INBOUND_WHO from '@salesforce/label/c.WebexCallingAdmin_InboundWho';
import INBOUND_WHO_HELP from '@salesforce/label/c.WebexCallingAdmin_InboundWhoHelp';
import OBJECTS from '@salesforce/label/c.WebexCallingAdmin_RelatedObjects';
import OBJECTS_HELP from '@salesforce/label/c.WebexCallingAdmin_RelatedObjectsHelp';
import OBJECTS_NONE from '@salesforce/label/c.WebexCallingAdmin_RelatedObjectsNone';
import OUTBOUND_HELP from '@salesforce/label/c.WebexCallingAdmin_OutboundHelp';
import OUTBOUND_TITLE from '@salesforce/label/c.WebexCallingAdmin_OutboundTitle';
import OUTBOUND_WHO from '@salesforce/label/c.WebexCallingAdmin_OutboundWho';
import OUTBOUND_WHO_HELP from '@salesforce/label/c.WebexCallingAdmin_OutboundWhoHelp';
import SAVED from '@salesforce/label/c.WebexCallingAdmin_Saved';

type Direction = 'Outbound' | 'Inbound';

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

    readonly listboxLabels = LISTBOX_LABELS;

    /** What the server last said; null until it answered. */
    settings: WebexCallLogObjectsSettings | null = null;
    /** The administrator's choice, saved or not. */
    chosenObjects: string[] = [];
    state: SectionState = IDLE;
    private readonly flow = new SectionFlow(this, {
        title: () => this.copy.title,
        busyMessages: CALLING_BUSY_MESSAGES
    });

    connectedCallback(): void {
        this.handleRetry();
    }

    get copy() {
        return DIRECTIONS[this.direction] ?? DIRECTIONS.Outbound;
    }

    /** The card: who logs calls of this direction, then the objects part. */
    get card(): SectionFrame {
        return { heading: this.copy.title, iconName: 'standard:log_a_call', help: this.copy.help, labels: {} };
    }

    /** The objects part, a section of its own inside the card. */
    get frame(): SectionFrame {
        const labels = CALLING_SECTION_LABELS;
        return { heading: OBJECTS, help: OBJECTS_HELP, nested: true, dirty: this.isDirty, labels };
    }

    get isBusy(): boolean {
        return this.flow.isBusy;
    }

    get options() {
        return toListOptions(this.settings?.available);
    }

    get isDirty(): boolean {
        return Boolean(this.settings && !sameList(this.settings.selected, this.chosenObjects));
    }

    /**
     * Said under the list when no object is chosen: the log is then related to the person only. The objects it names
     * are labelled as the schema gives them (the server's `available`: renamed, translated).
     */
    get noneWarning(): string | null {
        if (this.settings === null || this.chosenObjects.length > 0) return null;
        const available = this.settings.available;
        const labelOf = (name: string) => available.find((option) => option.apiName === name)?.label ?? name;
        return formatLabel(OBJECTS_NONE, labelOf('Account'), labelOf('Case'), labelOf('Opportunity'));
    }

    handleChange(event: Event): void {
        this.chosenObjects = valuesOf(event);
        this.flow.edited();
    }

    async handleSave(): Promise<void> {
        if (!this.settings || this.isBusy || !this.isDirty) return;
        const request = { direction: this.direction, objectApiNames: [...this.chosenObjects] };
        // A failure keeps the list as the administrator left it.
        await this.flow.run('saving', () => saveCallLogObjects(request), {
            apply: (settings) => this.apply(settings),
            success: formatLabel(SAVED, this.copy.title)
        });
    }

    handleRetry(): void {
        this.flow.load(
            () => getCallLogObjects({ direction: this.direction }),
            (settings) => this.apply(settings)
        );
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
