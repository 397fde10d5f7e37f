/**
 * Every entry point of an admin controller checks the admin permission before it does anything. Hiding
 * the Webex Admin tab is not enough: any `@AuraEnabled` method can be called from the browser by any
 * user who can run the class (Lightning Web Components Developer Guide, "Call Apex Methods": Apex
 * methods are exposed to every user with access to the class), and a Visualforce controller's
 * constructor and actions run for whoever opens the page.
 *
 * Admin controllers: production classes under `classes/admin/`, or marked `@group Admin` in their
 * ApexDoc, whose name ends in `Controller` or that declare an `@AuraEnabled` method. The check is
 * `WebexAdminAccess.requireAdmin()` (or `FeatureManagement.checkPermission(WebexAdminAccess.ADMIN_PERMISSION)`),
 * and no project code, query, DML or callout may run before it. A Visualforce admin controller's
 * constructor and public `PageReference` actions must each check it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Step } from '../lib/apex-graph.ts';
import type { ApexClassModel, ApexMethodModel } from '../lib/apex-model.ts';
import { isMain, runRules, type ApexRule, type ApexRuleContext, type Finding } from '../lib/apex-rule.ts';
import { DEFAULT_DIR, findFiles } from '../lib/project.ts';

const GATE_CLASS = 'webexadminaccess';
/** Classes a method may use before the check: the gate itself and the error it throws. */
const BEFORE_CHECK = new Set([GATE_CLASS, 'webexexception', 'webexerrorcode']);

function isAdminCheck(step: Step): boolean {
    if (step.call?.targets.some((t) => t.id.toLowerCase() === `${GATE_CLASS}.requireadmin`)) return true;
    return (
        step.call?.system?.toLowerCase() === 'featuremanagement.checkpermission' &&
        /ADMIN_PERMISSION|'Webex_Admin'/i.test(step.call.args[0]?.getText() ?? '')
    );
}

function isAdminController(cls: ApexClassModel): boolean {
    if (cls.isTest || cls.kind !== 'class' || cls.outer) return false;
    const marked = cls.unit.file.split(path.sep).includes('admin') || /@group\s+Admin\b/.test(cls.doc);
    const exposes = cls.methods.some((m) => m.annotations.includes('auraenabled'));
    return marked && (/Controller$/.test(cls.name) || exposes);
}

/** Classes Visualforce pages use as controller or extension. */
function pageControllers(): Set<string> {
    const names = new Set<string>();
    for (const page of findFiles(path.join(DEFAULT_DIR, 'pages'), /\.page$/)) {
        const text = readFileSync(page, 'utf8');
        for (const match of text.matchAll(/\b(?:controller|extensions)\s*=\s*"([^"]+)"/gi)) {
            for (const name of match[1].split(',')) names.add(name.trim().toLowerCase());
        }
    }
    return names;
}

/** The first thing a method does before its admin check, or null when the check comes first. */
function firstBeforeCheck(method: ApexMethodModel, context: ApexRuleContext): { step?: Step; what: string } | null {
    for (const step of context.graph.steps(method)) {
        if (isAdminCheck(step)) return null;
        const kinds = context.graph.kindsOf(step);
        const risky = ['soql', 'sosl', 'dml', 'callout', 'async'].find((k) => kinds.has(k as never));
        if (risky) return { step, what: kinds.get(risky as never)! };
        const project = step.call?.targets.find((t) => !BEFORE_CHECK.has(t.cls.name.split('.')[0].toLowerCase()));
        if (project) return { step, what: `${project.id}()` };
    }
    return { what: 'nothing: the method never checks' };
}

export const rule: ApexRule = {
    name: 'apex-admin-access',
    run(context) {
        const findings: Finding[] = [];
        const pages = pageControllers();
        let checked = 0;
        for (const cls of context.project.classes.filter(isAdminController)) {
            const isPageController = pages.has(cls.name.toLowerCase());
            for (const method of cls.methods) {
                const aura = method.annotations.includes('auraenabled');
                const pageEntry =
                    isPageController &&
                    (method.name === '<init>' || /^PageReference$/i.test(method.returnType)) &&
                    (method.modifiers.includes('public') || method.modifiers.includes('global'));
                if (!aura && !pageEntry) continue;
                checked += 1;
                const before = firstBeforeCheck(method, context);
                if (!before) continue;
                if (pageEntry && !aura && before.step) {
                    // A Visualforce action may read its page first; it must still check before acting.
                    const checks = context.graph.steps(method).some(isAdminCheck);
                    if (checks) continue;
                }
                findings.push({
                    file: cls.unit.file,
                    line: before.step?.node.start.line ?? method.line,
                    message: `${method.id}: ${aura ? '@AuraEnabled method' : 'Visualforce entry point'} of an admin controller runs ${before.what} before checking the admin permission: start with WebexAdminAccess.requireAdmin()`
                });
            }
        }
        return { findings, summary: `${checked} admin entry point(s) check the admin permission first` };
    }
};

if (isMain(import.meta)) runRules([rule]);
