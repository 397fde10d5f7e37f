/**
 * Text output of a test run: one line per method, failures with message and Apex stack, the
 * coverage table and a summary line.
 */
import type { CoverageReport } from './coverage.ts';
import type { TestMethodResult, TestRunResult } from './runner.ts';

/** `PASS WebexFooTest.itDoesX (3 SOQL, 1 DML, 0 callouts)`, then indented message and stack for a failure. */
export function formatMethod(r: TestMethodResult): string {
    const head = `${r.outcome === 'Pass' ? 'PASS' : 'FAIL'} ${r.className}.${r.methodName} (${r.soql} SOQL, ${r.dml} DML, ${r.callouts} callouts)`;
    const limits = r.limitsReached.length ? ` [limit reached: ${r.limitsReached.join(', ')}]` : '';
    if (r.outcome === 'Pass') return head + limits;
    const lines = [head + limits, `    ${r.message ?? ''}`];
    if (r.stackTrace) for (const l of r.stackTrace.split('\n')) lines.push(`      ${l}`);
    return lines.join('\n');
}

function pct(p: number): string {
    return `${p.toFixed(1)}%`;
}

/** The coverage table: one row per class or trigger (name, covered/executable, percent, uncovered lines). */
export function formatCoverage(c: CoverageReport): string {
    const rows = c.classes.map((k) => [
        k.name,
        `${k.covered}/${k.executable}`,
        pct(k.percent),
        k.uncoveredLines.join(',')
    ]);
    const header = ['Class', 'Lines', 'Coverage', 'Uncovered lines'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const fmt = (r: string[]) =>
        r
            .map((x, i) => (i === 3 ? x : x.padEnd(widths[i] ?? 0)))
            .join('  ')
            .trimEnd();
    return [
        fmt(header),
        ...rows.map(fmt),
        `Org-wide coverage: ${pct(c.percent)} (${c.covered}/${c.executable} lines)`
    ].join('\n');
}

/** `Apex tests: 120 methods, 118 passed, 2 failed (3.2 s)`. */
export function formatSummary(r: TestRunResult): string {
    return `Apex tests: ${r.methods.length} methods, ${r.passed} passed, ${r.failed} failed (${(r.timeMs / 1000).toFixed(1)} s)`;
}

/** Failures grouped by message (with the first line only), most frequent first: the work list of a run. */
export function failureGroups(r: TestRunResult): { message: string; count: number; examples: string[] }[] {
    const groups = new Map<string, { message: string; count: number; examples: string[] }>();
    for (const m of r.methods) {
        if (m.outcome !== 'Fail') continue;
        const key = (m.message ?? '').split('\n')[0] ?? '';
        let g = groups.get(key);
        if (!g) {
            g = { message: key, count: 0, examples: [] };
            groups.set(key, g);
        }
        g.count++;
        if (g.examples.length < 3) g.examples.push(`${m.className}.${m.methodName}`);
    }
    return [...groups.values()].sort((a, b) => b.count - a.count);
}
