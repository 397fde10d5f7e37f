/**
 * "Webex Spaces" (D.1–D.3, D.12; French « Espaces Webex »), on the record page of any object: the Webex spaces
 * linked to the record (one query: `WebexSpacesController.getSpaces`), each opened in place
 * (`c-webex-space-view`), opened in the Webex app, or given more people; "Create space" opens the space form
 * (`c-webex-space-form`) the "Create Space" quick action also shows.
 *
 * The list follows spaces created elsewhere on the page: the "Create Space" quick action fires `RefreshEvent`, and
 * the component's refresh handler reads the record's spaces again, quietly (what is open stays open) (LWC Developer
 * Guide › Use RefreshView API, https://developer.salesforce.com/docs/platform/lwc/guide/data-refreshview-api.html).
 *
 * A rep who has not connected Webex (or whose connection lacks the messaging permissions) sees the connection card
 * the dialer shows (`c-webex-user-connect`), and the spaces once connected.
 */
import { LightningElement, api } from 'lwc';
import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
import getSpaces from '@salesforce/apex/WebexSpacesController.getSpaces';
import { toWebexError } from 'c/webexErrors';
import { formatLabel } from 'c/webexLabelFormat';
import { summarize, type MembershipSummary } from 'c/webexSpaceMessages';
import ADD_PEOPLE from '@salesforce/label/c.WebexSpaces_AddPeople';
import ADD_PEOPLE_TO from '@salesforce/label/c.WebexSpaces_AddPeopleTo';
import BACK from '@salesforce/label/c.WebexSpaces_Back';
import CREATE_SPACE from '@salesforce/label/c.WebexSpaces_CreateSpace';
import CREATED_BY from '@salesforce/label/c.WebexSpaces_CreatedBy';
import DISMISS from '@salesforce/label/c.WebexSpaces_Dismiss';
import EMPTY from '@salesforce/label/c.WebexSpaces_Empty';
import LOADING from '@salesforce/label/c.WebexSpaces_Loading';
import OPEN_IN_WEBEX from '@salesforce/label/c.WebexSpaces_OpenInWebex';
import OPEN_SPACE from '@salesforce/label/c.WebexSpaces_OpenSpace';
import OPEN_SPACE_IN_WEBEX from '@salesforce/label/c.WebexSpaces_OpenSpaceInWebex';
import RETRY from '@salesforce/label/c.WebexSpaces_Retry';
import TITLE from '@salesforce/label/c.WebexSpaces_Title';

type Mode = 'list' | 'space' | 'create' | 'add';

export default class WebexSpaces extends LightningElement {
    readonly labels = {
        addPeople: ADD_PEOPLE,
        back: BACK,
        createSpace: CREATE_SPACE,
        dismiss: DISMISS,
        empty: EMPTY,
        loading: LOADING,
        openInWebex: OPEN_IN_WEBEX,
        retry: RETRY,
        title: TITLE
    };

    spaces: WebexSpaceSummary[] = [];
    connection: WebexUserConnection | null = null;
    loading = true;
    loadError: string | null = null;
    mode: Mode = 'list';
    /** The space open in place, or the one people are added to. */
    current: WebexSpaceSummary | null = null;
    /** The open space was deleted in Webex, or the rep was removed from it: no people can be added. */
    currentGone = false;
    summary: MembershipSummary | null = null;

    private currentRecordId: string | undefined;
    private refreshHandle: number | null = null;

    @api
    get recordId(): string | undefined {
        return this.currentRecordId;
    }
    set recordId(value: string | undefined) {
        const changed = value !== this.currentRecordId;
        this.currentRecordId = value;
        if (value && changed) this.load();
    }

    connectedCallback(): void {
        // With Lightning Web Security the component itself is the context element (Use RefreshView API › Example for
        // Org with LWS Enabled); the handler is unregistered when the component leaves the page.
        this.refreshHandle = registerRefreshHandler(this, () => this.refresh());
    }

    disconnectedCallback(): void {
        if (this.refreshHandle !== null) unregisterRefreshHandler(this.refreshHandle);
        this.refreshHandle = null;
    }

    get needsConnection(): boolean {
        const connection = this.connection;
        return !this.loading && Boolean(connection) && (!connection?.connected || Boolean(connection?.problem));
    }

    get ready(): boolean {
        return !this.loading && !this.loadError && Boolean(this.connection) && !this.needsConnection;
    }

    get showList(): boolean {
        return this.ready && this.mode === 'list';
    }

    get showSpace(): boolean {
        return this.ready && this.mode === 'space' && Boolean(this.current);
    }

    get canAddToCurrent(): boolean {
        return !this.currentGone;
    }

    get showForm(): boolean {
        return this.ready && (this.mode === 'create' || this.mode === 'add');
    }

    get formSpaceId(): string | null {
        return this.mode === 'add' ? (this.current?.spaceId ?? null) : null;
    }

    get formTitle(): string {
        return this.mode === 'add' ? formatLabel(ADD_PEOPLE_TO, this.current?.title ?? '') : CREATE_SPACE;
    }

    get isEmpty(): boolean {
        return this.spaces.length === 0;
    }

    get rows(): Array<
        WebexSpaceSummary & { createdByLabel: string; openLabel: string; addLabel: string; webexLabel: string }
    > {
        return this.spaces.map((space) => ({
            ...space,
            createdByLabel: formatLabel(CREATED_BY, space.createdByName),
            openLabel: formatLabel(OPEN_SPACE, space.title),
            addLabel: formatLabel(ADD_PEOPLE_TO, space.title),
            webexLabel: formatLabel(OPEN_SPACE_IN_WEBEX, space.title)
        }));
    }

    handleRetry(): void {
        this.load();
    }

    handleConnectionChange(event: CustomEvent<WebexUserConnection>): void {
        if (event.detail?.connected && !event.detail.problem) this.load();
    }

    handleCreate(): void {
        this.summary = null;
        this.current = null;
        this.mode = 'create';
    }

    handleOpen(event: Event): void {
        this.current = this.spaceOf(event);
        this.currentGone = false;
        this.summary = null;
        if (this.current) this.mode = 'space';
    }

    handleAddPeople(event: Event): void {
        const space = this.spaceOf(event) ?? this.current;
        if (!space) return;
        this.current = space;
        this.summary = null;
        this.mode = 'add';
    }

    handleBack(): void {
        this.mode = 'list';
        this.current = null;
        this.currentGone = false;
    }

    handleSpaceGone(): void {
        this.currentGone = true;
    }

    handleFormCancel(): void {
        this.mode = this.current && this.mode === 'add' ? 'space' : 'list';
    }

    /** Created (or people added): say who was and was not added, and show the space. */
    handleFormDone(event: CustomEvent<WebexCreatedSpace>): void {
        const creating = this.mode === 'create';
        this.summary = summarize(event.detail, creating);
        const space = event.detail.space;
        if (creating && space) this.spaces = [space, ...this.spaces.filter((item) => item.spaceId !== space.spaceId)];
        this.current = space ?? this.current;
        this.mode = this.current ? 'space' : 'list';
    }

    handleDismissSummary(): void {
        this.summary = null;
    }

    private spaceOf(event: Event): WebexSpaceSummary | null {
        const id = (event.currentTarget as HTMLElement).dataset.id;
        return this.spaces.find((space) => space.spaceId === id) ?? null;
    }

    /**
     * The page's refresh: the spaces read again without the loading state, so an open space or form stays as it is.
     * Resolves true (its part is refreshed, the refresh may go on to its children) even when Apex fails: the list
     * shown stays, and the next refresh tries again.
     */
    private async refresh(): Promise<boolean> {
        const recordId = this.currentRecordId;
        if (!recordId || this.loading) return true;
        try {
            const answer = await getSpaces({ recordId });
            if (recordId !== this.currentRecordId) return true;
            this.spaces = answer.spaces ?? [];
            this.connection = answer.connection;
            this.loadError = null;
        } catch {
            // What is shown stays; a later refresh or a reload reads the spaces again.
        }
        return true;
    }

    private async load(): Promise<void> {
        const recordId = this.currentRecordId;
        if (!recordId) return;
        this.loading = true;
        this.loadError = null;
        try {
            const answer = await getSpaces({ recordId });
            if (recordId !== this.currentRecordId) return;
            this.spaces = answer.spaces ?? [];
            this.connection = answer.connection;
        } catch (error) {
            if (recordId === this.currentRecordId) this.loadError = toWebexError(error).message;
        } finally {
            if (recordId === this.currentRecordId) this.loading = false;
        }
    }
}
