/**
 * PMD through Salesforce Code Analyzer's engine, with the Recommended, Security and AppExchange
 * (security review) rule sets. A finding of severity 1–2 always fails. A lower one fails unless
 * config/pmd-accepted.json lists it (rule + file) with the reason it stays.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { CodeAnalyzer, CodeAnalyzerConfig, EventType, LogLevel, type LogEvent } from '@salesforce/code-analyzer-core';
import { createEnginePlugin } from '@salesforce/code-analyzer-pmd-engine';
import { ROOT, report, type Finding } from '../lib/project.ts';

const ACCEPTED_FILE = path.join(ROOT, 'config', 'pmd-accepted.json');
const SELECTORS = ['pmd:Recommended', 'pmd:Security', 'pmd:AppExchange'];
const BLOCKING_SEVERITY = 2;

interface Accepted {
    rule: string;
    file: string;
    reason: string;
}

async function main(): Promise<void> {
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
    const findings: Finding[] = [];
    const used = new Set<Accepted>();
    let listed = 0;
    for (const violation of results.getViolations()) {
        const location = violation.getCodeLocations()[violation.getPrimaryLocationIndex()];
        const file = location.getFile() ?? '';
        const rule = violation.getRule();
        const severity = rule.getSeverityLevel();
        const relative = path.relative(ROOT, file);
        const waiver = accepted.find((a) => a.rule === rule.getName() && a.file === relative);
        if (waiver && severity > BLOCKING_SEVERITY) {
            used.add(waiver);
            listed += 1;
            continue;
        }
        findings.push({
            file,
            line: location.getStartLine(),
            message: `[severity ${severity}] ${rule.getName()}: ${violation.getMessage()}`
        });
    }
    for (const waiver of accepted.filter((a) => !used.has(a))) {
        findings.push({
            file: ACCEPTED_FILE,
            message: `accepted finding ${waiver.rule} in ${waiver.file} no longer occurs: remove it from the list`
        });
    }
    report(
        'pmd',
        findings,
        `${rules.getCount()} rules (${SELECTORS.join(', ')}), 0 blocking findings, ${listed} accepted lower finding(s) listed in config/pmd-accepted.json`
    );
}

main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
});
