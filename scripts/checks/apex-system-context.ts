/**
 * Where the package's Apex runs in system context, on purpose and nowhere else. Outside the classes
 * `config/apex-system-context.json` lists (each with the kinds it may use and why), production Apex must:
 * - declare `with sharing` or `inherited sharing` (a class that declares nothing runs without sharing
 *   when it is the entry point; an inner class does not inherit its outer class's keyword: Apex Developer
 *   Guide, "Using the with sharing, without sharing, and inherited sharing Keywords");
 * - not use `without sharing`, `WITH SYSTEM_MODE`, `AccessLevel.SYSTEM_MODE` or `as system`;
 * - not leave a query or DML in system mode by default: inline SOQL needs `WITH USER_MODE`, DML
 *   `as user`, `Database.*` and `Search.query` an `AccessLevel` (Apex Developer Guide, "Enforce User
 *   Mode for Database Operations": without it, they run in system mode).
 * Kinds: `without sharing`, `no sharing declaration`, `SYSTEM_MODE`, `implicit system mode`.
 */
import {
    AccessLevelContext,
    DeleteStatementContext,
    DotExpressionContext,
    InsertStatementContext,
    MergeStatementContext,
    SoqlLiteralContext,
    SoslLiteralContext,
    UndeleteStatementContext,
    UpdateStatementContext,
    UpsertStatementContext
} from '@apexdevtools/apex-parser';
import { textOf, walk, type ApexClassModel } from '../lib/apex-model.ts';
import { isMain, readAllowList, runRules, type ApexRule, type Finding } from '../lib/apex-rule.ts';

type Kind = 'without sharing' | 'no sharing declaration' | 'SYSTEM_MODE' | 'implicit system mode';

interface Allowed {
    class: string;
    allows: Kind[];
    reason: string;
}

const NEEDS_ACCESS_LEVEL =
    /^(Database\.(query|queryWithBinds|countQuery|countQueryWithBinds|getQueryLocator|getQueryLocatorWithBinds|insert|update|upsert|delete|undelete|merge|convertLead)|Search\.(query|find))$/i;

const DML = [
    InsertStatementContext,
    UpdateStatementContext,
    UpsertStatementContext,
    DeleteStatementContext,
    UndeleteStatementContext,
    MergeStatementContext
];

interface Use {
    kind: Kind;
    line: number;
    what: string;
}

function usesOf(cls: ApexClassModel, context: Parameters<ApexRule['run']>[0]): Use[] {
    const uses: Use[] = [];
    if (cls.kind !== 'class') return uses;
    if (cls.sharing === 'without') uses.push({ kind: 'without sharing', line: cls.line, what: 'without sharing' });
    let touchesData = false;
    for (const method of cls.methods) {
        if (!method.body) continue;
        for (const n of walk(method.body)) {
            if (n instanceof SoqlLiteralContext || n instanceof SoslLiteralContext) {
                const source = textOf(cls.unit, n);
                touchesData = true;
                const mode = /\bWITH\s+(USER_MODE|SYSTEM_MODE|SECURITY_ENFORCED)\b/i.exec(source)?.[1]?.toUpperCase();
                if (mode === 'SYSTEM_MODE')
                    uses.push({ kind: 'SYSTEM_MODE', line: n.start.line, what: 'WITH SYSTEM_MODE' });
                else if (!mode) {
                    uses.push({
                        kind: 'implicit system mode',
                        line: n.start.line,
                        what: 'a query without WITH USER_MODE'
                    });
                }
            } else if (DML.some((type) => n instanceof type)) {
                touchesData = true;
                const level = (n as unknown as { accessLevel(): AccessLevelContext | null }).accessLevel();
                const mode = level?.getText().toLowerCase();
                if (mode?.endsWith('system'))
                    uses.push({ kind: 'SYSTEM_MODE', line: n.start.line, what: 'DML as system' });
                else if (!mode) {
                    uses.push({ kind: 'implicit system mode', line: n.start.line, what: 'DML without "as user"' });
                }
            } else if (n instanceof DotExpressionContext && n.anyId()?.getText().toUpperCase() === 'SYSTEM_MODE') {
                uses.push({ kind: 'SYSTEM_MODE', line: n.start.line, what: 'AccessLevel.SYSTEM_MODE' });
            }
            const call = context.project.callAt(n, method);
            if (call?.system && NEEDS_ACCESS_LEVEL.test(call.system)) {
                touchesData = true;
                const hasLevel = call.args.some((arg) => {
                    const resolved = context.project.resolve(arg, method);
                    return (
                        /AccessLevel\./i.test(arg.getText()) ||
                        (resolved.kind === 'type' && /AccessLevel$/i.test(resolved.type))
                    );
                });
                if (!hasLevel) {
                    uses.push({
                        kind: 'implicit system mode',
                        line: n.start.line,
                        what: `${call.system} without an AccessLevel`
                    });
                }
            }
        }
    }
    if (cls.sharing === null && (!cls.outer || touchesData)) {
        uses.push({ kind: 'no sharing declaration', line: cls.line, what: 'no sharing keyword' });
    }
    return uses;
}

export const rule: ApexRule = {
    name: 'apex-system-context',
    run(context) {
        const { file, entries, problems } = readAllowList<Allowed>('apex-system-context.json');
        const findings: Finding[] = [...problems];
        const used = new Set<string>();
        let classes = 0;
        for (const cls of context.project.classes.filter((c) => !c.isTest)) {
            classes += 1;
            const allowed = entries.find((e) => e.class.toLowerCase() === cls.name.toLowerCase());
            for (const use of usesOf(cls, context)) {
                if (allowed?.allows.includes(use.kind)) {
                    used.add(`${allowed.class}|${use.kind}`);
                    continue;
                }
                findings.push({
                    file: cls.unit.file,
                    line: use.line,
                    message: `${cls.name}: ${use.what} (${use.kind}) outside the classes allowed to run in system context: use with sharing / inherited sharing and user mode, or add the class to config/apex-system-context.json with the reason`
                });
            }
        }
        for (const entry of entries) {
            for (const kind of entry.allows) {
                if (!used.has(`${entry.class}|${kind}`)) {
                    findings.push({
                        file,
                        message: `${entry.class} is allowed "${kind}" but no longer uses it: remove it from the list`
                    });
                }
            }
        }
        return {
            findings,
            summary: `${classes} production classes; system context only in the ${entries.length} allowed (config/apex-system-context.json)`
        };
    }
};

if (isMain(import.meta)) runRules([rule]);
