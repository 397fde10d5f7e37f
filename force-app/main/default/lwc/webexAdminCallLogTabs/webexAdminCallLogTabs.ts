/**
 * "Webex Call Log – Additional Tabs Configuration", a section of the Webex Admin tab (B5): the "More info" tabs of
 * the call-log panel, each listing the records of one object related to the caller's account. The section lists the
 * configurations (Edit, Delete after a confirmation) and holds one form: Object, then its Account relationship field
 * (filled from the object), then the Fields to show, then Save.
 *
 * What is missing is said under the control that lacks it before anything is sent; a refusal from the server keeps
 * the form as the administrator left it, with the reason.
 */
import { LightningElement, wire } from 'lwc';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import ACCOUNT_OBJECT from '@salesforce/schema/Account';
import deleteCallLogTab from '@salesforce/apex/WebexCallingAdminController.deleteCallLogTab';
import getCallLogTabObjects from '@salesforce/apex/WebexCallingAdminController.getCallLogTabObjects';
import getCallLogTabOptions from '@salesforce/apex/WebexCallingAdminController.getCallLogTabOptions';
import getCallLogTabs from '@salesforce/apex/WebexCallingAdminController.getCallLogTabs';
import saveCallLogTab from '@salesforce/apex/WebexCallingAdminController.saveCallLogTab';
import { toWebexError } from 'c/webexErrors';
import { IDLE, SectionFlow, type SectionState } from 'c/webexAdminSectionFlow';
import type { SectionFrame } from 'c/webexAdminSection';
import { formatLabel } from 'c/webexLabelFormat';
import { DEFAULT_OBJECT_NAMES } from 'c/webexObjectNames';
import {
    CALLING_BUSY_MESSAGES,
    CALLING_SECTION_LABELS,
    LISTBOX_LABELS,
    sameList,
    tabProblem,
    toListOptions,
    selectedValue,
    valuesOf,
    type TabDraft,
    type TabProblem
} from 'c/webexCallingAdminForms';
import ACCOUNT_FIELD from '@salesforce/label/c.WebexCallingAdmin_TabsAccountField';
import ACCOUNT_FIELD_HELP from '@salesforce/label/c.WebexCallingAdmin_TabsAccountFieldHelp';
import ACCOUNT_FIELD_PLACEHOLDER from '@salesforce/label/c.WebexCallingAdmin_TabsAccountFieldPlaceholder';
import ACCOUNT_FIELD_REQUIRED from '@salesforce/label/c.WebexCallingAdmin_TabAccountFieldRequired';
import ADD_HEADING from '@salesforce/label/c.WebexCallingAdmin_TabsAddHeading';
import CANCEL from '@salesforce/label/c.WebexCallingAdmin_Cancel';
import COL_ACCOUNT_FIELD from '@salesforce/label/c.WebexCallingAdmin_TabsColAccountField';
import COL_ACTIONS from '@salesforce/label/c.WebexCallingAdmin_TabsColActions';
import COL_FIELDS from '@salesforce/label/c.WebexCallingAdmin_TabsColFields';
import COL_OBJECT from '@salesforce/label/c.WebexCallingAdmin_TabsColObject';
import DELETE from '@salesforce/label/c.WebexCallingAdmin_TabsDelete';
import DELETE_ALT from '@salesforce/label/c.WebexCallingAdmin_TabsDeleteAlt';
import DELETE_CONFIRM from '@salesforce/label/c.WebexCallingAdmin_TabsDeleteConfirm';
import DELETED from '@salesforce/label/c.WebexCallingAdmin_TabsDeleted';
import DELETING from '@salesforce/label/c.WebexCallingAdmin_TabsDeleting';
import EDIT from '@salesforce/label/c.WebexCallingAdmin_TabsEdit';
import EDIT_ALT from '@salesforce/label/c.WebexCallingAdmin_TabsEditAlt';
import EDIT_HEADING from '@salesforce/label/c.WebexCallingAdmin_TabsEditHeading';
import EMPTY from '@salesforce/label/c.WebexCallingAdmin_TabsEmpty';
import FIELDS from '@salesforce/label/c.WebexCallingAdmin_TabsFields';
import FIELDS_REQUIRED from '@salesforce/label/c.WebexCallingAdmin_TabFieldsRequired';
import HELP from '@salesforce/label/c.WebexCallingAdmin_TabsHelp';
import NO_ACCOUNT_FIELD from '@salesforce/label/c.WebexCallingAdmin_TabsNoAccountField';
import OBJECT from '@salesforce/label/c.WebexCallingAdmin_TabsObject';
import OBJECT_PLACEHOLDER from '@salesforce/label/c.WebexCallingAdmin_TabsObjectPlaceholder';
import OBJECT_REQUIRED from '@salesforce/label/c.WebexCallingAdmin_TabObjectRequired';
import OPTIONS_ERROR from '@salesforce/label/c.WebexCallingAdmin_TabsOptionsError';
import OPTIONS_LOADING from '@salesforce/label/c.WebexCallingAdmin_TabsOptionsLoading';
import SAVED from '@salesforce/label/c.WebexCallingAdmin_TabsSaved';
import TITLE from '@salesforce/label/c.WebexCallingAdmin_TabsTitle';

const NEW_DRAFT: TabDraft = { id: null, objectApiName: '', accountField: '', fields: [] };

export default class WebexAdminCallLogTabs extends LightningElement {
    readonly labels = {
        title: TITLE,
        help: HELP,
        empty: EMPTY,
        colObject: COL_OBJECT,
        colFields: COL_FIELDS,
        colActions: COL_ACTIONS,
        edit: EDIT,
        delete: DELETE,
        cancel: CANCEL,
        object: OBJECT,
        objectPlaceholder: OBJECT_PLACEHOLDER,
        accountFieldPlaceholder: ACCOUNT_FIELD_PLACEHOLDER,
        fields: FIELDS,
        ...CALLING_SECTION_LABELS
    };
    readonly listboxLabels = LISTBOX_LABELS;

    /** The saved configurations; null until the server answered. */
    tabs: WebexCallLogTabConfig[] | null = null;
    /** The objects a tab can list. */
    objects: WebexObjectOption[] = [];
    /** The form, saved or not. */
    draft: TabDraft = { ...NEW_DRAFT };
    /** The account-relationship and showable fields of the form's object; null until they came. */
    tabOptions: WebexCallLogTabOptions | null = null;
    optionsLoading = false;
    optionsError: string | null = null;
    /** What the form lacks, said under its control after a Save. */
    problem: TabProblem = null;
    state: SectionState = IDLE;
    private readonly flow = new SectionFlow(this, {
        title: TITLE,
        busyMessages: { ...CALLING_BUSY_MESSAGES, deleting: DELETING }
    });
    /** The configuration whose deletion waits for a confirmation. */
    confirmingId: string | null = null;

    private optionsSequence = 0;
    /** Account's label as the org names it for this user (renamed, translated), from the schema; its usual name until then. */
    private accountLabel = DEFAULT_OBJECT_NAMES.Account.label;

    @wire(getObjectInfo, { objectApiName: ACCOUNT_OBJECT })
    wiredAccountInfo(result: WireResult<UiObjectInfo>): void {
        if (result.data) this.accountLabel = result.data.label;
    }
    /** Where the focus goes once the template re-rendered (an element the change brings, or keeps). */
    private pendingFocus: string | null = null;

    connectedCallback(): void {
        this.handleRetry();
    }

    renderedCallback(): void {
        // A select the administrator changed no longer follows its options' `selected`: set what the form holds.
        this.syncSelect('object', this.draft.objectApiName);
        this.syncSelect('accountField', this.draft.accountField);
        if (!this.pendingFocus) return;
        const target = this.template?.querySelector<HTMLElement>(this.pendingFocus);
        this.pendingFocus = null;
        target?.focus();
    }

    // ---- what the template shows ----

    /** The card; the save row is the form's own, inside it. */
    get frame(): SectionFrame {
        const labels = { loadErrorTitle: this.labels.loadErrorTitle, retry: this.labels.retry };
        return {
            heading: TITLE,
            iconName: 'standard:related_list',
            help: formatLabel(HELP, this.accountLabel),
            labels
        };
    }

    /** The labels that name Account, as the org names it (`accountLabel`). */
    get accountLabels() {
        return {
            colAccountField: formatLabel(COL_ACCOUNT_FIELD, this.accountLabel),
            accountField: formatLabel(ACCOUNT_FIELD, this.accountLabel),
            accountFieldHelp: formatLabel(ACCOUNT_FIELD_HELP, this.accountLabel)
        };
    }

    get isBusy(): boolean {
        return this.flow.isBusy;
    }

    get hasTabs(): boolean {
        return (this.tabs ?? []).length > 0;
    }

    get isEditing(): boolean {
        return this.draft.id !== null;
    }

    get formHeading(): string {
        return this.isEditing ? formatLabel(EDIT_HEADING, this.objectLabel(this.draft.objectApiName)) : ADD_HEADING;
    }

    get rows() {
        return (this.tabs ?? []).map((tab) => {
            const confirming = tab.id === this.confirmingId;
            return {
                ...tab,
                key: tab.id ?? tab.objectApiName,
                fieldsText: tab.fields.map((field) => field.label).join(', '),
                editLabel: formatLabel(EDIT_ALT, tab.objectLabel),
                deleteLabel: formatLabel(DELETE_ALT, tab.objectLabel),
                confirmText: formatLabel(DELETE_CONFIRM, tab.objectLabel),
                confirming,
                rowClass: tab.id === this.draft.id ? 'slds-hint-parent row-editing' : 'slds-hint-parent'
            };
        });
    }

    /** The objects a new tab can list: those without a tab yet (editing keeps its own object). */
    get objectOptions() {
        const configured = new Set((this.tabs ?? []).map((tab) => tab.objectApiName));
        return toListOptions(
            this.objects.filter(
                (option) => !configured.has(option.apiName) || option.apiName === this.draft.objectApiName
            )
        ).map((option) => ({ ...option, selected: option.value === this.draft.objectApiName }));
    }

    get noObject(): boolean {
        return !this.draft.objectApiName;
    }

    get accountFieldOptions() {
        return toListOptions(this.tabOptions?.accountFields).map((option) => ({
            ...option,
            selected: option.value === this.draft.accountField
        }));
    }

    get noAccountField(): boolean {
        return !this.draft.accountField;
    }

    get fieldOptions() {
        return toListOptions(this.tabOptions?.fields);
    }

    get hasOptions(): boolean {
        return this.tabOptions !== null && !this.optionsLoading;
    }

    get optionsLoadingMessage(): string | null {
        return this.optionsLoading ? formatLabel(OPTIONS_LOADING, this.objectLabel(this.draft.objectApiName)) : null;
    }

    get noAccountFieldMessage(): string | null {
        return this.hasOptions && this.accountFieldOptions.length === 0
            ? formatLabel(NO_ACCOUNT_FIELD, this.objectLabel(this.draft.objectApiName), this.accountLabel)
            : null;
    }

    get accountFieldDisabled(): boolean {
        return this.isBusy || !this.hasOptions || this.accountFieldOptions.length === 0;
    }

    get objectDisabled(): boolean {
        return this.isBusy || this.isEditing;
    }

    get objectProblem(): string | null {
        return this.problem === 'object' ? OBJECT_REQUIRED : null;
    }

    get accountFieldProblem(): string | null {
        return this.problem === 'accountField'
            ? formatLabel(ACCOUNT_FIELD_REQUIRED, this.objectLabel(this.draft.objectApiName), this.accountLabel)
            : null;
    }

    get fieldsProblem(): string | null {
        return this.problem === 'fields' ? FIELDS_REQUIRED : null;
    }

    get objectClass(): string {
        return this.objectProblem ? 'slds-form-element slds-has-error' : 'slds-form-element';
    }

    get accountFieldClass(): string {
        return this.accountFieldProblem ? 'slds-form-element slds-has-error' : 'slds-form-element';
    }

    get fieldsClass(): string {
        return this.fieldsProblem ? 'slds-form-element slds-has-error' : 'slds-form-element';
    }

    /** Whether the form differs from what is saved (a new form: whether anything was chosen). */
    get isDirty(): boolean {
        const saved = this.savedTab(this.draft.id);
        if (!saved) return Boolean(this.draft.objectApiName || this.draft.accountField || this.draft.fields.length);
        return (
            saved.accountField !== this.draft.accountField ||
            !sameList(
                saved.fields.map((field) => field.apiName),
                this.draft.fields
            )
        );
    }

    get saveDisabled(): boolean {
        return this.isBusy || !this.isDirty;
    }

    get showCancel(): boolean {
        return this.isEditing || this.isDirty;
    }

    // ---- what the administrator does ----

    handleObjectChange(event: Event): void {
        const objectApiName = selectedValue(event);
        this.draft = { ...this.draft, objectApiName, accountField: '', fields: [] };
        this.clearMessages();
        this.loadOptions(objectApiName);
    }

    handleAccountFieldChange(event: Event): void {
        this.draft = {
            ...this.draft,
            accountField: selectedValue(event)
        };
        this.clearMessages();
    }

    handleFieldsChange(event: Event): void {
        this.draft = { ...this.draft, fields: valuesOf(event) };
        this.clearMessages();
    }

    handleEdit(event: Event): void {
        const tab = this.savedTab((event.currentTarget as HTMLElement).dataset.id ?? null);
        if (!tab) return;
        this.confirmingId = null;
        this.draft = {
            id: tab.id,
            objectApiName: tab.objectApiName,
            accountField: tab.accountField,
            fields: tab.fields.map((field) => field.apiName)
        };
        this.clearMessages();
        this.loadOptions(tab.objectApiName);
        this.focusLater('[data-form-heading]');
    }

    handleCancel(): void {
        this.resetForm();
        this.focusLater('[data-field="object"]');
    }

    handleDeleteAsk(event: Event): void {
        this.confirmingId = (event.currentTarget as HTMLElement).dataset.id ?? null;
        this.flow.edited();
        // The safe answer gets the focus.
        this.focusLater('[data-action="delete-cancel"]');
    }

    handleDeleteCancel(): void {
        const id = this.confirmingId;
        this.confirmingId = null;
        this.focusLater(`[data-action="delete"][data-id="${id}"]`);
    }

    async handleDeleteConfirm(): Promise<void> {
        const tab = this.savedTab(this.confirmingId);
        const configId = tab?.id;
        if (!tab || !configId || this.isBusy) return;
        await this.flow.run('deleting', () => deleteCallLogTab({ configId }), {
            apply: (tabs) => {
                this.tabs = [...(tabs ?? [])];
                this.confirmingId = null;
                if (this.draft.id === configId) this.resetForm();
            },
            success: formatLabel(DELETED, tab.objectLabel)
        });
        this.confirmingId = null;
    }

    async handleSave(): Promise<void> {
        if (this.saveDisabled) return;
        this.clearMessages();
        this.problem = tabProblem(this.draft);
        if (this.problem) {
            this.focusLater(`[data-field="${this.problem}"]`);
            return;
        }
        const label = this.objectLabel(this.draft.objectApiName);
        const config = { ...this.draft, fields: [...this.draft.fields] };
        // A failure keeps the form as the administrator left it.
        await this.flow.run('saving', () => saveCallLogTab({ config }), {
            apply: (tabs) => {
                this.tabs = [...(tabs ?? [])];
                this.resetForm();
            },
            success: formatLabel(SAVED, label)
        });
    }

    handleRetry(): void {
        this.flow.load(
            () => Promise.all([getCallLogTabs(), getCallLogTabObjects()]),
            ([tabs, objects]) => {
                this.objects = [...(objects ?? [])];
                this.tabs = [...(tabs ?? [])];
            }
        );
    }

    handleOptionsRetry(): void {
        this.loadOptions(this.draft.objectApiName);
    }

    // ---- the rest ----

    /** The form's object's fields; an answer for an object no longer chosen is ignored. */
    private async loadOptions(objectApiName: string): Promise<void> {
        const sequence = ++this.optionsSequence;
        this.tabOptions = null;
        this.optionsError = null;
        if (!objectApiName) {
            this.optionsLoading = false;
            return;
        }
        this.optionsLoading = true;
        try {
            const options = await getCallLogTabOptions({ objectApiName });
            if (sequence !== this.optionsSequence) return;
            this.tabOptions = options;
            // One way to reach the account: chosen for the administrator.
            if (!this.draft.accountField && options?.accountFields?.length === 1) {
                this.draft = { ...this.draft, accountField: options.accountFields[0].apiName };
            }
        } catch (error) {
            if (sequence !== this.optionsSequence) return;
            this.optionsError = formatLabel(OPTIONS_ERROR, toWebexError(error).message);
        } finally {
            if (sequence === this.optionsSequence) this.optionsLoading = false;
        }
    }

    private savedTab(id: string | null): WebexCallLogTabConfig | undefined {
        return id ? (this.tabs ?? []).find((tab) => tab.id === id) : undefined;
    }

    private objectLabel(apiName: string): string {
        return (
            this.objects.find((option) => option.apiName === apiName)?.label ??
            this.savedTab(this.draft.id)?.objectLabel ??
            apiName
        );
    }

    private resetForm(): void {
        this.optionsSequence += 1;
        this.draft = { ...NEW_DRAFT, fields: [] };
        this.tabOptions = null;
        this.optionsLoading = false;
        this.optionsError = null;
        this.clearMessages();
    }

    private clearMessages(): void {
        this.problem = null;
        this.flow.clear();
    }

    private syncSelect(name: 'object' | 'accountField', value: string): void {
        const select = this.template?.querySelector<HTMLSelectElement>(`select[data-field="${name}"]`);
        if (select && select.value !== value) select.value = value;
    }

    /** Moves the focus once the template shows the element: after the re-render this change causes. */
    private focusLater(selector: string): void {
        this.pendingFocus = selector;
    }
}
