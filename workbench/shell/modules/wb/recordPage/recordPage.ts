/**
 * A Lightning record page: the highlights panel (icon, name, key fields, quick actions), the
 * record's details, and a region with every package component an admin can place on this object's
 * record page (js-meta.xml target `lightning__RecordPage`). Quick actions (`lightning__RecordAction`)
 * open in a modal, as in Lightning Experience.
 */
import { LightningElement, api } from 'lwc';
import { components, type RegisteredComponent } from 'wb/registry';
import { errorMessage, loadCompactFields, loadFullRecord, loadObjectInfo, shownValue } from '../../../org-client.ts';
import { CLOSE_ACTION_EVENT } from '../../../stubs/actions.ts';
import { quickActionLabel } from '../../../stubs/labels.ts';
import { hrefOf } from '../../../stubs/navigation.ts';

/** What a component may be placed on, for this target and object. */
export function placeableOn(target: string, objectApiName: string): RegisteredComponent[] {
    return components.filter(
        (c) => c.targets.includes(target) && (!c.objects[target]?.length || c.objects[target].includes(objectApiName))
    );
}

interface FieldView {
    key: string;
    label: string;
    value: string;
    href: string | null;
}

export default class RecordPage extends LightningElement {
    @api objectApiName = '';
    @api recordId = '';
    record: UiRecord | null = null;
    info: UiObjectInfo | null = null;
    compactFields: string[] = [];
    error = '';
    openAction: RegisteredComponent | null = null;
    private loadedFor = '';
    private readonly onCloseAction = (): void => this.closeAction();

    connectedCallback(): void {
        this.template?.addEventListener(CLOSE_ACTION_EVENT, this.onCloseAction);
    }

    renderedCallback(): void {
        const key = `${this.objectApiName}/${this.recordId}`;
        if (this.loadedFor === key) return;
        this.loadedFor = key;
        this.record = null;
        this.error = '';
        Promise.all([
            loadFullRecord(this.recordId),
            loadObjectInfo(this.objectApiName),
            loadCompactFields(this.objectApiName)
        ])
            .then(([record, info, compactFields]) => {
                this.record = record;
                this.info = info;
                this.compactFields = compactFields;
            })
            .catch((error: unknown) => {
                this.error = errorMessage(error);
            });
    }

    get loading(): boolean {
        return !this.record && !this.error;
    }

    get objectLabel(): string {
        return this.info?.label ?? this.objectApiName;
    }

    get iconName(): string {
        return `standard:${this.objectApiName.toLowerCase()}`;
    }

    get recordName(): string {
        return this.record && this.info ? shownValue(this.record, this.info.nameFields[0]) : '';
    }

    get highlightFields(): FieldView[] {
        return this.fieldViews(this.compactFields);
    }

    get detailFields(): FieldView[] {
        const skip = new Set(['Id', 'FirstName', 'LastName']);
        return this.fieldViews(Object.keys(this.info?.fields ?? {}).filter((f) => !skip.has(f)));
    }

    get actions(): Array<{ name: string; label: string }> {
        return placeableOn('lightning__RecordAction', this.objectApiName).map((c) => ({
            name: c.name,
            label: this.actionLabel(c)
        }));
    }

    get hasActions(): boolean {
        return this.actions.length > 0;
    }

    get regionComponents(): Array<{ name: string; ctor: unknown }> {
        return placeableOn('lightning__RecordPage', this.objectApiName).map((c) => ({ name: c.name, ctor: c.ctor }));
    }

    get hasRegionComponents(): boolean {
        return this.regionComponents.length > 0;
    }

    /** The open quick action's label: the dialog's name, as Lightning Experience names the action's modal. */
    get openActionLabel(): string {
        return this.openAction ? this.actionLabel(this.openAction) : '';
    }

    handleAction(event: Event): void {
        const name = (event.currentTarget as HTMLElement).dataset.name;
        this.openAction = components.find((c) => c.name === name) ?? null;
    }

    handleModalKeydown(event: KeyboardEvent): void {
        if (event.key === 'Escape') this.closeAction();
    }

    closeAction(): void {
        this.openAction = null;
    }

    /**
     * The button of a record action, as the highlights panel labels it: the quick action's label in the
     * user's language (translated by the object's translation); a test fixture without a quick action keeps
     * its component's masterLabel.
     */
    private actionLabel(component: RegisteredComponent): string {
        return quickActionLabel(this.objectApiName, component.name) ?? component.masterLabel;
    }

    private fieldViews(fields: string[]): FieldView[] {
        const record = this.record;
        const info = this.info;
        if (!record || !info) return [];
        return fields
            .filter((f) => info.fields[f])
            .map((f) => {
                const related = f.endsWith('Id') ? record.fields[f.slice(0, -2)]?.value : null;
                const relatedRecord = related && typeof related === 'object' ? related : null;
                return {
                    key: f,
                    label: info.fields[f].label,
                    value: shownValue(record, f),
                    href: relatedRecord ? hrefOf(`#/r/${relatedRecord.apiName}/${relatedRecord.id}/view`) : null
                };
            });
    }
}
