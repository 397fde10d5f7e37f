/**
 * The org facts the Schema, custom-setting, Label, UserInfo, FeatureManagement and Security natives
 * read, as one narrow interface the runner (or any host) installs on a runtime: the schema, the
 * running user's User record and access, the Organization record, custom settings and the
 * project's labels. Natives reach it through `orgContextOf(rt)`; a runtime without one refuses them.
 */
import { UnsupportedApexError } from '../../errors.ts';
import type { SchemaRegistry } from '../../data/schema.ts';
import type { SObject } from '../../data/sobject.ts';
import type { UserAccess } from '../../data/access.ts';
import type { CustomSettings } from '../../data/custom-settings.ts';
import type { OrgMetadata } from '../../data/org-metadata.ts';
import type { NativeRuntime } from './registry.ts';

/** What the org natives ask of their host. Every method is called when a native needs it, never cached. */
export interface OrgContext {
    readonly schema: SchemaRegistry;
    /** The running user's User record (the innermost `System.runAs` user, else the runner's user); undefined when none. */
    runningUser(): SObject | undefined;
    /** The org's Organization record; undefined when the host has none. */
    organization(): SObject | undefined;
    /** The running user's object, field and custom permissions. */
    userAccess(): UserAccess;
    /** Custom settings over the record store, for the running user. */
    customSettings(): CustomSettings;
    /** Labels, custom permissions and permission sets of the project. */
    metadata(): OrgMetadata;
    /** A record of the store by Id (the running user's Profile), or undefined. */
    record(id: string): SObject | undefined;
    /**
     * The org's currency in a single-currency org: Company Information's Currency Locale, which no
     * field of the Organization object carries; undefined when the host does not say.
     */
    orgCurrency?(): string | undefined;
}

const contexts = new WeakMap<object, OrgContext>();

/** Installs the org context of a runtime (the interpreter). */
export function installOrgContext(rt: NativeRuntime, ctx: OrgContext): void {
    contexts.set(rt, ctx);
}

/** The org context of a runtime; without one the construct `what` is refused. */
export function orgContextOf(rt: NativeRuntime, what: string): OrgContext {
    const ctx = contexts.get(rt);
    if (!ctx) throw new UnsupportedApexError(`${what} (no org context installed: schema, users, store)`);
    return ctx;
}

/** The schema of a runtime: its org context's, else the interpreter's own. */
export function schemaOf(rt: NativeRuntime, what: string): SchemaRegistry {
    const ctx = contexts.get(rt);
    if (ctx) return ctx.schema;
    const own = (rt as { schema?: SchemaRegistry }).schema;
    if (!own) throw new UnsupportedApexError(`${what} (no schema wired)`);
    return own;
}

/** The running user's language (`LanguageLocaleKey`, e.g. `en_US`, `fr`); undefined when no user or no language. */
export function userLanguage(rt: NativeRuntime): string | undefined {
    const u = contexts.get(rt)?.runningUser();
    const v = u?.has('LanguageLocaleKey') ? u.get('LanguageLocaleKey') : null;
    return typeof v === 'string' && v ? v : undefined;
}
