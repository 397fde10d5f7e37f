/**
 * The Apex host's org, inside its worker: the package's Apex loaded once into the runtime, and the runtime's record
 * store, which mirrors the workbench's records (same Ids) and holds the setup rows Apex reads (the Organization,
 * the project's permission sets and custom permissions, their assignments). `call` runs one `@AuraEnabled` method
 * as one transaction: fresh statics and limits, as the signed-in user, all or nothing.
 *
 * Synchronous and stack-hungry: run it in the worker (worker.ts), whose stack holds Apex's 1,000 frames.
 */
import { readFileSync } from 'node:fs';
import { UnsupportedApexError } from '../../../apex-runtime/src/errors.ts';
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
import { DataLayer } from '../../../apex-runtime/src/interpreter/data/layer.ts';
import { dataNatives, wireDataLayer } from '../../../apex-runtime/src/interpreter/data/wire.ts';
import type { Interpreter } from '../../../apex-runtime/src/interpreter/interpreter.ts';
import { installOrgContext, type OrgContext } from '../../../apex-runtime/src/interpreter/natives/org-context.ts';
import { attachOrgLimits, OrgLimitsTable } from '../../../apex-runtime/src/interpreter/natives/org-limits.ts';
import { ParseCache } from '../../../apex-runtime/src/syntax/parse-cache.ts';
import type { CompilationUnit } from '../../../apex-runtime/src/syntax/ast.ts';
import { DEFAULT_LEAD_STATUSES } from '../../../apex-runtime/src/testing/org.ts';
import { loadProjectOrg } from '../../../apex-runtime/src/testing/project-org.ts';
import { projectFiles } from '../../../apex-runtime/src/testing/run-project.ts';
import { buildTestInterpreter } from '../../../apex-runtime/src/testing/runner.ts';
import { setCalloutTransport, type CalloutTransport } from '../../../apex-runtime/src/interpreter/natives/http.ts';
import { auraArguments, auraError, auraValue, findAuraMethod } from './aura.ts';
import { fromPlain, toPlain } from './values.ts';
import type { CallRequest, CallResponse, PlainRecord, RecordSync, SettingRows } from './protocol.ts';

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
 * Standard User profile (scripts/org/plan.ts FALLBACK_PROFILE); the runtime models only standard profiles' grants.
 */
const STANDARD_PROFILE_NAMES = ['System Administrator', 'Standard User', 'Read Only', 'Minimum Access - Salesforce'];
const FALLBACK_PROFILE = 'Standard User';

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
}

export class ApexOrg {
    readonly schema: SchemaRegistry;
    readonly store: RecordStore;
    readonly interpreter: Interpreter;
    readonly loadErrors: string[];
    private readonly ids = new PresetIds();
    private readonly mirrored: Record<string, string[]>;
    private readonly base: Savepoint;
    private organizationId = '';
    private sessionUserId = '';
    private assignments = '';
    /** The schema's own labels of the objects a rename changed, to put back when the rename goes (a reset). */
    private readonly originalLabels = new Map<SObjectDescribe, { label: Labels; labelPlural: Labels }>();

    constructor(o: ApexOrgOptions) {
        const files = projectFiles(o.projectDir);
        const project = loadProjectOrg(files.objects, files.objectTranslations, {
            features: projectOrgFeatures(o.projectDir)
        });
        this.schema = project.schema;
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
            publishBehavior: project.publishBehavior
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
        attachOrgLimits(orgContext, new OrgLimitsTable());
        installOrgContext(this.interpreter, orgContext);
        if (o.callout) setCalloutTransport(this.interpreter, o.callout);
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
        for (const ps of permissionSets)
            this.store.insert(
                this.row('PermissionSet', { Name: ps.name, Label: ps.label ?? ps.name, IsOwnedByProfile: false }),
                true
            );
        for (const name of permissions)
            this.store.insert(this.row('CustomPermission', { DeveloperName: name, MasterLabel: name }), true);
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
        const describe = this.schema.require(type);
        const r = new SObject(describe);
        for (const [name, value] of Object.entries(values)) {
            const f = fieldOf(describe, name);
            if (!f) throw new UnsupportedApexError(`field ${type}.${name} (not in the schema) for the workbench org`);
            r.setRaw(f.name, value, false);
        }
        return r;
    }

    /** Runs one `@AuraEnabled` call as a transaction (see the module comment). */
    call(request: CallRequest): Omit<CallResponse, 'kind' | 'id' | 'workerMs'> {
        this.applySync(request.sync);
        this.replaceSettings(request.settings);
        this.signIn(request.session);
        this.interpreter.orgDomain = request.orgDomain;
        this.relabel(request.objectLabels);
        const before = this.mirroredState();
        const sp = this.store.setSavepoint();
        const it = this.interpreter;
        it.beginTransaction();
        const user = this.store.get(this.sessionUserId);
        it.timeZone = String(user?.get('TimeZoneSidKey') ?? 'GMT');
        it.localeSidKey = String(user?.get('LocaleSidKey') ?? 'en_US');
        let status = 200;
        let body: unknown;
        try {
            const { cls, method } = findAuraMethod(it, request.className, request.methodName);
            const args = auraArguments(it, cls, method, request.params);
            body = auraValue(it, it.invokeStatic(cls, method.lname, args, method.name));
        } catch (error) {
            // The platform rolls the whole transaction back when an exception reaches the caller.
            this.store.rollback(sp);
            status = 500;
            body = auraError(error);
        } finally {
            it.stack.length = 0;
        }
        return { status, body, changes: this.diff(before, this.mirroredState()) };
    }

    /** Applies the workbench's own writes (UI API, stories, the remaining stand-ins) before the transaction. */
    private applySync(sync: RecordSync): void {
        if (sync.reset) {
            this.store.restore(this.base);
            this.assignments = '';
        }
        // Profiles before users (a user's derived UserType reads its profile), users before the records they own.
        const order = (r: PlainRecord): number => (r.type === 'Profile' ? 0 : r.type === 'User' ? 1 : 2);
        for (const record of [...sync.upserts].sort((a, b) => order(a) - order(b))) this.upsert(record);
        for (const id of sync.deletes) {
            const row = this.store.get(id);
            if (row && !row.get('IsDeleted')) this.store.delete(row.id as string);
        }
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
            const standard = STANDARD_PROFILE_NAMES.includes(name) ? name : FALLBACK_PROFILE;
            const admin = standard === 'System Administrator';
            Object.assign(values, {
                Name: standard,
                UserType: 'Standard',
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

    /** Replaces the rows the main thread keeps outside the record store (protocol.ts SettingRows). */
    private replaceSettings(settings: SettingRows): void {
        for (const type of settings.types)
            for (const row of [...this.store.rows(type)]) this.store.purge(row.id as string);
        for (const { type, fields } of settings.rows) {
            const describe = this.schema.require(type);
            const r = new SObject(describe);
            for (const [name, value] of Object.entries(fields)) {
                if (name === 'Id') continue;
                const f = fieldOf(describe, name);
                if (!f)
                    throw new UnsupportedApexError(`field ${type}.${name} (not in the schema) for the workbench org`);
                r.setRaw(
                    f.name,
                    value === '@organization' ? this.organizationId : fromPlain(this.interpreter, value, f.apexType),
                    false
                );
            }
            // A stand-in's Id keeps its own key prefix, not the org's for the object: the worker's row gets a new one.
            this.store.insert(r, true);
        }
    }

    /** The caller, in the page's language, holding the permission sets assigned in the org. */
    private signIn(session: CallRequest['session']): void {
        this.sessionUserId = normalizeId(session.userId);
        const user = this.store.get(this.sessionUserId);
        if (!user) throw new Error(`The Apex host has no User ${session.userId}`);
        if (user.get('LanguageLocaleKey') !== session.language)
            this.store.update(this.sessionUserId, [['LanguageLocaleKey', session.language]]);
        const wanted = JSON.stringify(session.permissionSets);
        if (wanted === this.assignments) return;
        for (const row of [...this.store.rows('PermissionSetAssignment')]) this.store.purge(row.id as string);
        const setIds = new Map<string, string>();
        for (const ps of this.store.rows('PermissionSet')) setIds.set(String(ps.get('Name')), ps.id as string);
        for (const [userId, names] of Object.entries(session.permissionSets)) {
            for (const name of names) {
                const permissionSetId = setIds.get(name);
                if (!permissionSetId) throw new Error(`The project has no permission set ${name}`);
                this.store.insert(
                    this.row('PermissionSetAssignment', {
                        AssigneeId: normalizeId(userId),
                        PermissionSetId: permissionSetId
                    }),
                    true
                );
            }
        }
        this.assignments = wanted;
    }

    /** Every live mirrored record, as the workbench's store would hold it, by Id. */
    private mirroredState(): Map<string, PlainRecord> {
        const state = new Map<string, PlainRecord>();
        for (const [type, fields] of Object.entries(this.mirrored)) {
            for (const row of this.store.rows(type)) {
                const plain: PlainRecord = { type, fields: { Id: row.id as string } };
                for (const name of fields)
                    if (name !== 'Id' && row.has(name)) plain.fields[name] = toPlain(row.get(name));
                state.set(plain.fields.Id, plain);
            }
        }
        return state;
    }

    private diff(before: Map<string, PlainRecord>, after: Map<string, PlainRecord>): RecordSync {
        const upserts: PlainRecord[] = [];
        for (const [id, record] of after) {
            const old = before.get(id);
            if (!old || JSON.stringify(old.fields) !== JSON.stringify(record.fields)) upserts.push(record);
        }
        const deletes = [...before.keys()].filter((id) => !after.has(id));
        return { reset: false, upserts, deletes };
    }
}
