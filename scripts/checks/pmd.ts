/**
 * PMD through Salesforce Code Analyzer's engine, with the Recommended, Security and AppExchange
 * (security review) rule sets. A finding of severity 1–2 always fails. A lower one fails unless
 * config/pmd-accepted.json accepts that very finding, with the reason it stays.
 *
 * A waiver names one finding, never a rule in a file: its rule, its file, where it is (`at`: the class,
 * `Class.method` or `Class.field` that holds it, read from the Apex) and, optionally, PMD's message
 * (numbers in it are not compared, so a class total that moves does not need a new waiver; a method that
 * crosses a threshold is a new finding of its own). Each entry of `findings` accepts one finding, so a
 * new finding in a file with waivers fails like any other. An entry that matches nothing fails too.
 *
 * `tsx scripts/checks/pmd.ts --suggest` prints the entries the findings that fail would need (a reason
 * is still to be written for each).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CodeAnalyzer, CodeAnalyzerConfig, EventType, LogLevel, type LogEvent } from '@salesforce/code-analyzer-core';
import { createEnginePlugin } from '@salesforce/code-analyzer-pmd-engine';
import { memberLocator } from '../lib/apex-model.ts';
import { ROOT, report, type Finding } from '../lib/project.ts';

const ACCEPTED_FILE = path.join(ROOT, 'config', 'pmd-accepted.json');
const SELECTORS = ['pmd:Recommended', 'pmd:Security', 'pmd:AppExchange'];
const BLOCKING_SEVERITY = 2;

interface AcceptedFinding {
    /** `Class`, `Class.method`, `Class.field` (inner classes: `Outer.Inner.method`). */
    at: string;
    /** PMD's message; numbers are not compared. When absent, any message of the rule there. */
    message?: string;
}

interface Accepted {
    rule: string;
    file: string;
    reason: string;
    findings: Array<AcceptedFinding | string>;
}

const normalized = (message: string): string => message.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

async function main(): Promise<void> {
    const suggest = process.argv.includes('--suggest');
    const accepted: Accepted[] = existsSync(ACCEPTED_FILE)
        ? (JSON.parse(readFileSync(ACCEPTED_FILE, 'utf8')) as Accepted[])
        : [];
    const analyzer = new CodeAnalyzer(CodeAnalyzerConfig.withDefaults());
    analyzer.onEvent<LogEvent>(EventType.LogEvent, (event) => {
        if (event.logLevel <= LogLevel.Error) console.error(`[code-analyzer] ${event.message}`);
    });
    await analyzer.addEnginePlugin(createEnginePlugin());
    const workspace = await analyzer.createWorkspace([path.join(ROOT, 'force-app')]);
    const rules = await analyzer.selectRules(SELECTORS, { workspace });
    const results = await analyzer.run(rules, { workspace });

    // Every waiver entry, once; each accepts at most one finding.
    const open = accepted.flatMap((waiver) =>
        waiver.findings.map((entry) => ({
            waiver,
            at: typeof entry === 'string' ? entry : entry.at,
            message: typeof entry === 'string' ? undefined : entry.message,
            used: false
        }))
    );
    const findings: Finding[] = [];
    const suggestions = new Map<string, { rule: string; file: string; findings: AcceptedFinding[] }>();
    const locators = new Map<string, (line: number) => string>();
    let listed = 0;
    for (const waiver of accepted) {
        if (!waiver.reason || waiver.reason.trim().length < 20) {
            findings.push({
                file: ACCEPTED_FILE,
                message: `waiver of ${waiver.rule} in ${waiver.file} without a reason`
            });
        }
    }
    for (const violation of results.getViolations()) {
        const location = violation.getCodeLocations()[violation.getPrimaryLocationIndex()];
        const file = location.getFile() ?? '';
        const rule = violation.getRule();
        const severity = rule.getSeverityLevel();
        const relative = path.relative(ROOT, file);
        const line = location.getStartLine() ?? 0;
        if (!locators.has(file)) locators.set(file, memberLocator(file));
        const at = locators.get(file)!(line);
        const message = violation.getMessage();
        const entry = open.find(
            (e) =>
                !e.used &&
                e.waiver.rule === rule.getName() &&
                e.waiver.file === relative &&
                e.at === at &&
                (e.message === undefined || normalized(e.message) === normalized(message))
        );
        if (entry && severity > BLOCKING_SEVERITY) {
            entry.used = true;
            listed += 1;
            continue;
        }
        findings.push({ file, line, message: `[severity ${severity}] ${rule.getName()}: ${message} (at ${at})` });
        if (severity > BLOCKING_SEVERITY) {
            const key = `${rule.getName()}|${relative}`;
            const group = suggestions.get(key) ?? { rule: rule.getName(), file: relative, findings: [] };
            group.findings.push({ at, message });
            suggestions.set(key, group);
        }
    }
    for (const entry of open.filter((e) => !e.used)) {
        findings.push({
            file: ACCEPTED_FILE,
            message: `accepted finding ${entry.waiver.rule} at ${entry.at} in ${entry.waiver.file} no longer occurs: remove it from the list`
        });
    }
    if (suggest && suggestions.size) {
        console.log(
            JSON.stringify(
                [...suggestions.values()].map((s) => ({ ...s, reason: '' })),
                null,
                4
            )
        );
    }
    report(
        'pmd',
        findings,
        `${rules.getCount()} rules (${SELECTORS.join(', ')}), 0 blocking findings, ${listed} accepted lower finding(s), each listed in config/pmd-accepted.json`
    );
}

main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
});
