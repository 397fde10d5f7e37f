/**
 * `npm run bench`: builds the workbench once (with the stories' test fixtures, as `openHarness` expects), then runs
 * each benchmark on that build in turn — calling (issue 5, calling.ts), then messaging (issue 14, messaging.ts) —
 * each in a process of its own with `WORKBENCH_SKIP_BUILD=1` and the same `WORKBENCH_BUILD_DIR`. Each prints its
 * own table; a benchmark that stops (not a figure over its goal: they never fail on a figure) makes the run exit
 * non-zero after the others have run. `npm run bench -- messaging` runs the named ones only.
 *
 * The build goes to `WORKBENCH_BUILD_DIR`, by default `workbench/.build-bench` (git-ignored, kept for the next run;
 * inside the project, where the compiled shell's imports resolve, and apart from `npm start`'s `workbench/.build`).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const BENCHMARKS = ['calling', 'messaging'];
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

const chosen = process.argv.slice(2).filter((name) => !name.startsWith('-'));
const unknown = chosen.filter((name) => !BENCHMARKS.includes(name));
if (unknown.length) {
    console.error(`Unknown benchmark ${unknown.join(', ')}: ${BENCHMARKS.join(', ')}`);
    process.exit(2);
}
const env = {
    ...process.env,
    WORKBENCH_BUILD_DIR: path.resolve(ROOT, process.env.WORKBENCH_BUILD_DIR ?? 'workbench/.build-bench')
};

/** Runs a workbench script with the shared build, its output on this terminal; true when it exited 0. */
function run(label: string, args: string[], extra: Record<string, string> = {}): boolean {
    console.log(`\n== ${label}`);
    const started = Date.now();
    const result = spawnSync(TSX, args, { cwd: ROOT, env: { ...env, ...extra }, stdio: 'inherit' });
    const ok = result.status === 0;
    console.log(`== ${label}: ${ok ? 'done' : 'STOPPED'} in ${Math.round((Date.now() - started) / 1000)} s`);
    return ok;
}

const stopped: string[] = [];
if (!run('build', ['workbench/build.ts', '--fixtures'])) stopped.push('build');
else
    for (const name of chosen.length ? chosen : BENCHMARKS)
        if (!run(name, [`workbench/bench/${name}.ts`], { WORKBENCH_SKIP_BUILD: '1' })) stopped.push(name);
if (stopped.length) {
    console.error(`\nStopped: ${stopped.join(', ')}`);
    process.exitCode = 1;
}
