/**
 * The Apex host's org, inside its worker: the package's Apex loaded once into the runtime, and the runtime's record
 * store, which mirrors the workbench's records (same Ids) and holds the setup rows Apex reads (the Organization,
 * the project's permission sets and custom permissions, their assignments). `call` runs one `@AuraEnabled` method
 * as one transaction: fresh statics and limits, as the signed-in user, all or nothing.
 *
 * Synchronous and stack-hungry: run it in the worker (worker.ts), whose stack holds Apex's 1,000 frames.
 */
import { readFileSync } from 'node:fs';
import { CustomSettings } from '../../../apex-runtime/src/data/custom-settings.ts';
import { parentDerivedValues } from '../../../apex-runtime/src/data/derived-fields.ts';
import { IdGenerator, normalizeId } from '../../../apex-runtime/src/data/ids.ts';
import {
    fieldOf,
    type Labels,
    type SchemaRegistry,
    type SObjectDescribe
} from '../../../apex-runtime/src/data/schema.ts';
import { SObject } from '../../../apex-runtime/src/data/sobject.ts';
import { RecordStore, type Savepoint } from '../../../apex-runtime/src/data/store.ts';
import { apexTemporalValues } from '../../../apex-runtime/src/data/soql/temporal.ts';
import { projectOrgFeatures } from '../../../apex-runtime/src/data/scratch-definition.ts';
import { dmlUpdate } from '../../../apex-runtime/src/data/dml.ts';
import { DataLayer, dataLayerOf } from '../../../apex-runtime/src/interpreter/data/layer.ts';
import { dataNatives, wireDataLayer } from '../../../apex-runtime/src/interpreter/data/wire.ts';
import type { Interpreter } from '../../../apex-runtime/src/interpreter/interpreter.ts';
import { installOrgContext, type OrgContext } from '../../../apex-runtime/src/interpreter/natives/org-context.ts';
import {
    attachOrgLimits,
    FREE_ORG_ALLOCATIONS,
    OrgLimitsTable
} from '../../../apex-runtime/src/interpreter/natives/org-limits.ts';
import { ParseCache } from '../../../apex-runtime/src/syntax/parse-cache.ts';
import type { CompilationUnit } from '../../../apex-runtime/src/syntax/ast.ts';
import { DEFAULT_LEAD_STATUSES, row as newRow, STANDARD_PROFILES } from '../../../apex-runtime/src/testing/org.ts';
import { loadProjectOrg } from '../../../apex-runtime/src/testing/project-org.ts';
import { projectFiles } from '../../../apex-runtime/src/testing/run-project.ts';
import { buildTestInterpreter } from '../../../apex-runtime/src/testing/runner.ts';
import { setCalloutTransport, type CalloutTransport } from '../../../apex-runtime/src/interpreter/natives/http.ts';
import { testStateOf } from '../../../apex-runtime/src/interpreter/natives/test.ts';
import type { OrgMetadata } from '../../../apex-runtime/src/data/org-metadata.ts';
import { auraArguments, auraError, auraValue, findAuraMethod } from './aura.ts';
import { runAnonymous, runRest } from './entries.ts';
import { PageSessions } from './pages.ts';
import { fromPlain, toPlain } from './values.ts';
import type {
    AsyncResponse,
    CallRequest,
    CallResponse,
    Entry,
    JobOutcome,
    PlainRecord,
    PlainValue,
    PublishedEvent,
    RecordSync
} from './protocol.ts';

/** Hands out the next Id it is given (a workbench record keeps its Id), else a new one. */
class PresetIds extends IdGenerator {
    preset: string | null = null;

    override next(keyPrefix: string): string {
        const id = this.preset;
        this.preset = null;
        return id ?? super.next(keyPrefix);
    }
}

/**
 * The scratch-org setup gives a user whose profile the org lacks (data/Profile.json's custom profiles) the
 * Standard User profile (scripts/org/plan.ts FALLBACK_PROFILE); the runtime models only standard profiles' grants, so
 * the emulated org's custom profiles keep their names and get Standard User's grants, as clones of it.
 */
const FALLBACK_PROFILE = 'Standard User';
const GUEST_PROFILE = 'Minimum Access - Salesforce';
/** How EventBus.publish names the delivery of a platform event to its triggers (apex-runtime natives/eventbus.ts). */
const EVENT_WORK = 'Platform event ';

/** Fields a User row needs that data/User.json leaves to the org (placeholders, as the runtime's test org uses). */
const USER_DEFAULTS: Record<string, unknown> = {
    EmailEncodingKey: 'UTF-8',
    TimeZoneSidKey: 'GMT',
    LocaleSidKey: 'en_US',
    LanguageLocaleKey: 'en_US'
};

export interface ApexOrgOptions {
    projectDir: string;
    /** The fields the workbench's store holds, by object: what the worker mirrors back. */
    mirroredFields: Record<string, string[]>;
    callout?: CalloutTransport;
    /**
     * The namespace the package runs with, as installed (apex-runtime `projectNamespace`: its objects and fields
     * `ns__Foo__c`, its classes `ns.Foo`); default '' (deployed unpackaged).
     */
    namespace?: string;
}

export class ApexOrg {
    readonly schema: SchemaRegistry;
    readonly store: RecordStore;
    readonly interpreter: Interpreter;
    readonly loadErrors: string[];
    /** The namespace the package runs with ('' unpackaged). */
    readonly namespace: string;
    private readonly ids = new PresetIds();
    private readonly mirrored: Record<string, string[]>;
    private readonly base: Savepoint;
    private organizationId = '';
    private sessionUserId = '';
    private assignments = '';
    /** The PermissionSetAssignment rows the org's Setup state put there (Apex's own assignments are kept). */
    private setupAssignmentIds: string[] = [];
    private readonly meta: OrgMetadata;
    private readonly orgContext: OrgContext;
    private readonly pages = new PageSessions();
    /** The schema's own labels of the objects a rename changed, to put back when the rename goes (a reset). */
    private readonly originalLabels = new Map<SObjectDescribe, { label: Labels; labelPlural: Labels }>();
    /** The org's custom profiles (lower-case name) and the standard profile whose grants each keeps. */
    private readonly clonedProfiles = new Map<string, string>();

    constructor(o: ApexOrgOptions) {
        const files = projectFiles(o.projectDir);
        this.namespace = o.namespace ?? '';
        const project = loadProjectOrg(files.objects, files.objectTranslations, {
            features: projectOrgFeatures(o.projectDir),
            namespace: this.namespace
        });
        this.schema = project.schema;
        this.meta = project.meta;
        const cache = new ParseCache();
        const units: CompilationUnit[] = [];
        this.loadErrors = [];
        for (const file of files.apex) {
            try {
                units.push(cache.parse(file, readFileSync(file, 'utf8')));
            } catch (error) {
                this.loadErrors.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
            }
        }
        this.mirrored = o.mirroredFields;
        const clock = Date.now;
        this.store = new RecordStore({
            schema: this.schema,
            now: clock,
            datetime: (ms) => apexTemporalValues.datetime(ms),
            currentUserId: () => this.sessionUserId,
            ids: this.ids
        });
        const store = this.store;
        const layer = new DataLayer({
            store,
            meta: project.meta,
            defaultUserId: () => this.sessionUserId,
            publishBehavior: project.publishBehavior,
            clonedProfile: (name) => this.clonedProfiles.get(name.toLowerCase())
        });
        this.interpreter = buildTestInterpreter({
            units,
            schema: this.schema,
            data: layer,
            natives: dataNatives(),
            clock
        });
        wireDataLayer(this.interpreter, layer);
        const orgContext: OrgContext = {
            schema: this.schema,
            runningUser: () => store.get(layer.currentUserId()),
            organization: () => store.get(this.organizationId),
            userAccess: () => layer.userAccess(),
            customSettings: () => new CustomSettings(store, () => layer.currentUserId()),
            metadata: () => project.meta,
            record: (id) => store.get(id),
            orgCurrency: () => 'USD'
        };
        this.orgContext = orgContext;
        attachOrgLimits(orgContext, new OrgLimitsTable());
        installOrgContext(this.interpreter, orgContext);
        if (o.callout) setCalloutTransport(this.interpreter, o.callout);
        // Queueable jobs run after the transaction that enqueued them (runAsync), as the platform runs them.
        testStateOf(this.interpreter).hostRunsAsync = true;
        this.insertSetup(project.meta.permissionSets.values(), project.meta.customPermissions.values());
        this.base = store.snapshot();
    }

    /** The rows every org has before the workbench's records: the Organization, permission sets, lead statuses. */
    private insertSetup(
        permissionSets: Iterable<{ name: string; label?: string }>,
        permissions: Iterable<string>
    ): void {
        const organization = this.row('Organization', {
            Name: 'Acme Webex (workbench)',
            LanguageLocaleKey: 'en_US',
            DefaultLocaleSidKey: 'en_US',
            TimeZoneSidKey: 'GMT',
            IsSandbox: false
        });
        this.organizationId = this.store.insert(organization, true).id as string;
        // The package's setup entities carry its namespace ("NamespacePrefix: The namespace prefix associated with this
        // object", Object Reference › PermissionSet, CustomPermission).
        const packaged = this.namespace ? { NamespacePrefix: this.namespace } : {};
        for (const ps of permissionSets)
            this.store.insert(
                this.row('PermissionSet', {
                    Name: ps.name,
                    Label: ps.label ?? ps.name,
                    IsOwnedByProfile: false,
                    ...packaged
                }),
                true
            );
        for (const name of permissions)
            this.store.insert(
                this.row('CustomPermission', { DeveloperName: name, MasterLabel: name, ...packaged }),
                true
            );
        DEFAULT_LEAD_STATUSES.forEach((status, i) => {
            const values = {
                MasterLabel: status.label,
                ApiName: status.label,
                IsDefault: status.isDefault,
                IsConverted: status.isConverted,
                SortOrder: i + 1
            };
            this.store.insert(this.row('LeadStatus', values), true);
        });
    }

    private row(type: string, values: Record<string, unknown>): SObject {
        return newRow(this.schema, type, values, 'the workbench org');
    }

    /** Runs one entry as a transaction (see the module comment). */
    run(request: CallRequest): Omit<CallResponse, 'kind' | 'id' | 'workerMs'> {
        this.applySync(request.sync);
        this.signIn(request.session);
        this.saveThroughTriggers(request.sync.upserts);
        this.interpreter.orgDomain = request.orgDomain;
        this.relabel(request.objectLabels);
        this.setOrgLimits(request.orgLimits);
        const outcome = this.transaction(() => this.enter(request.entry));
        const answer =
            outcome.failed === null
                ? (outcome.value as { status: number; body: unknown; headers?: Record<string, string> })
                : { status: 500, body: auraError(outcome.failed) };
        return {
            ...answer,
            changes: outcome.changes,
            events: outcome.events,
            debug: outcome.debug,
            asyncPending: testStateOf(this.interpreter).asyncQueue.length > 0,
            // Read before anything else runs: the next transaction starts with fresh counters.
            limits: Object.fromEntries([...this.interpreter.limits.snapshot()].filter(([, used]) => used > 0))
        };
    }

    /**
     * Runs the Queueable jobs the last transactions enqueued, each as its own transaction as the running user, in
     * order (a job's own enqueued jobs follow it); null when there were none.
     */
    runAsync(): Omit<AsyncResponse, 'kind'> | null {
        const queue = testStateOf(this.interpreter).asyncQueue;
        if (queue.length === 0) return null;
        const jobs: JobOutcome[] = [];
        const changes = new Map<string, PlainRecord | null>();
        const events: PublishedEvent[] = [];
        const debug: string[] = [];
        while (queue.length > 0) {
            const work = queue.shift()!;
            const name = work.what.replace(/^Queueable /, '');
            const outcome = this.transaction(() => {
                work.run();
                return null;
            });
            for (const record of outcome.changes.upserts) changes.set(record.fields.Id, record);
            for (const id of outcome.changes.deletes) changes.set(id, null);
            events.push(...outcome.events);
            debug.push(...outcome.debug);
            // An event trigger's run is no AsyncApexJob: Setup › Apex Jobs does not list it.
            if (work.what.startsWith(EVENT_WORK)) continue;
            jobs.push(
                outcome.failed === null
                    ? { name, status: 'Completed' }
                    : { name, status: 'Failed', error: describeFailure(outcome.failed) }
            );
        }
        const upserts = [...changes.values()].filter((r): r is PlainRecord => r !== null);
        const deletes = [...changes].filter(([, r]) => r === null).map(([id]) => id);
        return { jobs, changes: { reset: false, upserts, deletes }, events, debug };
    }

    /**
     * One transaction: fresh statics and limits, all or nothing (an exception that escapes rolls back its writes and
     * its after-commit events, as the platform does), then its published events and debug lines.
     */
    private transaction(
        body: () => unknown,
        diffChanges = true
    ): { value: unknown; failed: unknown; changes: RecordSync; events: PublishedEvent[]; debug: string[] } {
        const it = this.interpreter;
        // What the workbench wrote before (a sync) is not this transaction's.
        this.store.takeWritten();
        const sp = this.store.setSavepoint();
        it.beginTransaction();
        const state = testStateOf(it);
        state.eventQueue.length = 0;
        state.currentPage = null;
        const user = this.store.get(this.sessionUserId);
        it.timeZone = String(user?.get('TimeZoneSidKey') ?? 'GMT');
        it.localeSidKey = String(user?.get('LocaleSidKey') ?? 'en_US');
        const queuedBefore = state.asyncQueue.length;
        let value: unknown = null;
        let failed: unknown = null;
        try {
            value = body();
        } catch (error) {
            failed = error;
            this.store.rollback(sp);
            // The jobs a failed transaction enqueued are not run (they roll back with it).
            state.asyncQueue.length = queuedBefore;
        } finally {
            it.stack.length = 0;
        }
        const events = this.publishedEvents(failed !== null);
        const debug = it.debugLog.map((line) => `${line.level}|${line.message}`);
        const written = this.store.takeWritten();
        const changes = diffChanges ? this.changesOf(written) : { reset: false, upserts: [], deletes: [] };
        return { value, failed, changes, events, debug };
    }

    /** What an entry answers (its status and body; a page's answer as the body). */
    private enter(entry: Entry): { status: number; body: unknown; headers?: Record<string, string> } {
        const it = this.interpreter;
        switch (entry.kind) {
            case 'aura': {
                const { cls, method } = findAuraMethod(it, entry.className, entry.methodName);
                // Class Security: "An authenticated or guest user can access an @AuraEnabled Apex method only when
                // the user's profile or an assigned permission set allows access to the Apex class" (Lightning Aura
                // Components Developer Guide › Granting User Access for Apex Classes; Apex Developer Guide › Class
                // Security). The message is what orgs log (SalesforceLabs/EnhancedLightningGrid#44).
                if (!dataLayerOf(it).userAccess().hasClassAccess(cls.name))
                    return {
                        status: 500,
                        body: {
                            message: `You do not have access to the Apex class named '${cls.name}'.`,
                            exceptionType: '',
                            isUserDefinedException: false
                        }
                    };
                const args = auraArguments(it, cls, method, entry.params);
                return { status: 200, body: auraValue(it, it.invokeStatic(cls, method.lname, args, method.name)) };
            }
            case 'anonymous':
                runAnonymous(it, entry.source);
                return { status: 200, body: { compiled: true, success: true } };
            case 'rest': {
                const response = runRest(it, entry.request);
                return { status: response.status, body: response.body, headers: response.headers };
            }
            case 'page':
                return {
                    status: 200,
                    body: this.pages.serve(it, this.meta, this.store.get(this.sessionUserId), entry.request)
                };
        }
    }

    /**
     * The platform events the transaction published, as subscribers receive them: those published immediately
     * always, those published after commit only when it committed (Platform Events Developer Guide › Publish
     * Behavior and Transactions).
     */
    private publishedEvents(rolledBack: boolean): PublishedEvent[] {
        const state = testStateOf(this.interpreter);
        const queue = state.eventQueue;
        const triggers = dataLayerOf(this.interpreter).triggers;
        const events: PublishedEvent[] = [];
        for (const work of queue) {
            const published = work.published;
            if (!published || (rolledBack && !published.immediately)) continue;
            // The event's Apex triggers run after the publishing transaction, in a transaction of their own, as
            // subscribers do ("Platform event triggers run asynchronously", Platform Events Developer Guide › Platform
            // Event Triggers); runAsync runs them with the Queueable jobs.
            if (triggers.has(published.object, 'after', 'insert'))
                state.asyncQueue.push({ what: work.what, run: work.run });
            for (const event of published.events) {
                const row = event as SObject;
                const payload: Record<string, PlainValue> = {};
                for (const [name, value] of row.fieldEntries()) payload[name] = toPlain(value);
                events.push({ channel: `/event/${published.object}`, payload });
            }
        }
        queue.length = 0;
        return events;
    }

    /** The org's limits as the workbench counts them (Enterprise Edition allocations, today's usage). */
    private setOrgLimits(limits: CallRequest['orgLimits']): void {
        attachOrgLimits(
            this.orgContext,
            new OrgLimitsTable({
                allocations: FREE_ORG_ALLOCATIONS,
                extra: Object.entries(limits).map(([name, l]) => ({ name, max: l.max })),
                usage: Object.fromEntries(Object.entries(limits).map(([name, l]) => [name, l.used]))
            })
        );
    }

    /**
     * Applies the workbench's own writes (UI API, stories, the org's platform) before the transaction, or what
     * another transaction committed while a callout of this one ran.
     */
    applySync(sync: RecordSync): void {
        if (sync.reset) {
            this.store.restore(this.base);
            this.assignments = '';
            this.setupAssignmentIds = [];
            testStateOf(this.interpreter).asyncQueue.length = 0;
        }
        // Profiles before users (a user's derived UserType reads its profile), users before the records they own.
        const order = (r: PlainRecord): number => (r.type === 'Profile' ? 0 : r.type === 'User' ? 1 : 2);
        for (const record of [...sync.upserts].sort((a, b) => order(a) - order(b))) this.upsert(record);
        for (const id of sync.deletes) {
            const row = this.store.get(id);
            if (row && !row.get('IsDeleted')) this.store.delete(row.id as string);
        }
    }

    /**
     * The workbench's own saves run the object's triggers, as saves through the API or the UI do in an org (Apex
     * Developer Guide › Triggers and Order of Execution): the sample data, which the org setup imports after deploying
     * the package (scripts/org/plan.ts), and a story's UI API saves. So the package's phone-key triggers key the sample
     * Contacts and Leads. Played as one update in system mode, each record as the workbench holds it, kept apart from
     * the request's own transaction (what the triggers write is not the request's).
     */
    private saveThroughTriggers(upserts: PlainRecord[]): void {
        const layer = dataLayerOf(this.interpreter);
        const rows = upserts
            .filter((r) => layer.triggers.has(this.schema.require(r.type).name, 'before', 'update'))
            .map((r) => this.store.get(r.fields.Id))
            .filter((row): row is SObject => row !== undefined && !row.get('IsDeleted'))
            .map((stored) => {
                const row = new SObject(stored.describe);
                row.setRaw('Id', stored.id, false);
                return row;
            });
        if (rows.length === 0) return;
        this.transaction(() => dmlUpdate(layer.dmlContext(), rows, false, 'system'), false);
    }

    private upsert(record: PlainRecord): void {
        const describe = this.schema.require(record.type);
        const values = this.valuesOf(describe, record);
        const existing = this.store.get(record.fields.Id);
        if (existing) {
            this.store.update(existing.id as string, Object.entries(values));
            return;
        }
        const r = new SObject(describe);
        for (const [name, value] of Object.entries(values)) r.setRaw(name, value, false);
        // A checkbox the workbench's record leaves out is false, never null, as a save defaults it (SOAP API Developer
        // Guide › Field Types › boolean: "true (or 1) or false (or 0)"; Lead.IsConverted "Defaulted on create").
        for (const f of describe.fields.values())
            if (f.apexType === 'Boolean' && !f.calculated && !r.has(f.name)) r.setRaw(f.name, false, false);
        if (record.type === 'User') {
            for (const [name, value] of Object.entries(USER_DEFAULTS)) if (!r.has(name)) r.setRaw(name, value, false);
            if (!r.has('Alias')) r.setRaw('Alias', String(values.LastName ?? 'user').slice(0, 8), false);
            const store = this.store;
            for (const [name, v] of parentDerivedValues(
                describe,
                (f) => (r.has(f) ? r.get(f) : null),
                (id) => store.get(id)
            ))
                r.setRaw(name, v, false);
        }
        this.ids.preset = normalizeId(record.fields.Id);
        this.store.insert(r, true);
    }

    /** A workbench record's values in the runtime's types; a profile named as the org setup would give it. */
    private valuesOf(describe: SObjectDescribe, record: PlainRecord): Record<string, unknown> {
        const values: Record<string, unknown> = {};
        for (const [name, value] of Object.entries(record.fields)) {
            if (name === 'Id') continue;
            const f = fieldOf(describe, name);
            if (!f || f.calculated) continue;
            values[f.name] = fromPlain(this.interpreter, value, f.apexType);
        }
        if (record.type === 'Profile') {
            const name = typeof values.Name === 'string' ? values.Name : '';
            // A site's guest profile: the runtime models standard profiles' grants only; Minimum Access grants
            // about as little as a new site's guest profile, whose object permissions are off (Salesforce Help ›
            // Guest User Security Policies and Timelines: guest users get no edit, delete or view all access).
            const guest = values.UserType === 'Guest';
            const standard = guest ? GUEST_PROFILE : STANDARD_PROFILES.includes(name) ? name : FALLBACK_PROFILE;
            const admin = standard === 'System Administrator';
            // A custom profile keeps its name (profile searches, grantee lists show it) and the grants of the
            // standard profile it stands for (AccessModel's clonedFrom).
            const custom = !guest && standard !== name && name !== '';
            if (custom) this.clonedProfiles.set(name.toLowerCase(), standard);
            Object.assign(values, {
                Name: custom ? name : standard,
                UserType: guest ? 'Guest' : 'Standard',
                PermissionsModifyAllData: admin,
                PermissionsViewAllData: admin,
                PermissionsCustomizeApplication: admin
            });
        }
        return values;
    }

    /** Describes name objects as the org does, renames included (language keys `en`, `fr`). */
    private relabel(renamed: CallRequest['objectLabels']): void {
        for (const [describe, original] of this.originalLabels) Object.assign(describe, original);
        this.originalLabels.clear();
        for (const [name, labels] of Object.entries(renamed)) {
            const describe = this.schema.describe(name);
            if (!describe) continue;
            this.originalLabels.set(describe, { label: describe.label, labelPlural: describe.labelPlural });
            const relabel = (original: Labels, byLanguage: Record<string, string>): Labels => ({
                default: byLanguage.en ?? original.default,
                byLanguage: {
                    ...original.byLanguage,
                    ...byLanguage,
                    ...(byLanguage.en ? { en_US: byLanguage.en } : {})
                }
            });
            describe.label = relabel(describe.label, labels.label);
            describe.labelPlural = relabel(describe.labelPlural, labels.labelPlural);
        }
    }

    /** The caller, in the page's language, holding the permission sets assigned in the org. */
    private signIn(session: CallRequest['session']): void {
        this.sessionUserId = normalizeId(session.userId);
        const user = this.store.get(this.sessionUserId);
        if (!user) throw new Error(`The Apex host has no User ${session.userId}`);
        // The page's language names its user's locale too, as the components' @salesforce/i18n/locale does
        // (workbench/build.ts): French with fr_FR, else en_US; Apex formats numbers and dates in it (Integer.format).
        if (user.get('LanguageLocaleKey') !== session.language)
            this.store.update(this.sessionUserId, [
                ['LanguageLocaleKey', session.language],
                ['LocaleSidKey', session.language === 'fr' ? 'fr_FR' : 'en_US']
            ]);
        const wanted = JSON.stringify(session.permissionSets);
        if (wanted === this.assignments) return;
        for (const id of this.setupAssignmentIds) if (this.store.get(id)) this.store.purge(id);
        this.setupAssignmentIds = [];
        const setIds = new Map<string, string>();
        for (const ps of this.store.rows('PermissionSet')) setIds.set(String(ps.get('Name')), ps.id as string);
        for (const [userId, names] of Object.entries(session.permissionSets)) {
            for (const name of names) {
                const permissionSetId = setIds.get(name);
                if (!permissionSetId) throw new Error(`The project has no permission set ${name}`);
                const assignee = normalizeId(userId);
                const held = [...this.store.rows('PermissionSetAssignment')].some(
                    (r) => r.get('AssigneeId') === assignee && r.get('PermissionSetId') === permissionSetId
                );
                if (held) continue;
                const row = this.store.insert(
                    this.row('PermissionSetAssignment', { AssigneeId: assignee, PermissionSetId: permissionSetId }),
                    true
                );
                this.setupAssignmentIds.push(row.id as string);
            }
        }
        this.assignments = wanted;
    }

    /**
     * What the transaction committed to the records the workbench's store mirrors: each row it wrote, as the workbench
     * holds it (only its fields), or its deletion. Only the written rows are read: a mirror of 10,000 records costs
     * nothing per call.
     */
    private changesOf(written: Set<string>): RecordSync {
        const upserts: PlainRecord[] = [];
        const deletes: string[] = [];
        for (const id of written) {
            const row = this.store.get(id);
            const type = row?.type ?? this.store.describeOfId(id)?.name;
            const fields = type === undefined ? undefined : this.mirrored[type];
            if (!type || !fields) continue;
            // Setup objects (Profile, the site's guest Profile the Metadata API wrote) have no IsDeleted field.
            if (!row || (row.has('IsDeleted') && row.get('IsDeleted') === true)) {
                deletes.push(id);
                continue;
            }
            const plain: PlainRecord = { type, fields: { Id: row.id as string } };
            for (const name of fields) if (name !== 'Id' && row.has(name)) plain.fields[name] = toPlain(row.get(name));
            upserts.push(plain);
        }
        return { reset: false, upserts, deletes };
    }
}

/** A failed job's error as AsyncApexJob.ExtendedStatus shows it: the exception's type and message. */
function describeFailure(error: unknown): string {
    const body = auraError(error);
    return `${body.exceptionType}: ${body.message}`;
}
