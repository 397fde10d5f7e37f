/**
 * package-lock.json as CI's clean install reads it: a lock file `npm ci` refuses stops CI before any test runs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NPM_CI_DRY_RUN, ROOT } from '../../lib/project.ts';
import type { Fault } from './fault.ts';

const PLATFORM_PACKAGE = 'node_modules/@esbuild/linux-arm64';

/** The project's lock file without one optional platform package, as `npm install` writes it when the registry lacks it. */
function lockWithoutPlatformPackage(): string {
    const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
        packages: Record<string, unknown>;
    };
    delete lock.packages[PLATFORM_PACKAGE];
    return `${JSON.stringify(lock, null, 2)}\n`;
}

export const FAULTS: Fault[] = [
    {
        name: 'package-lock.json: an optional platform package missing (npm ci refuses the lock file)',
        files: {
            'package.json': readFileSync(path.join(ROOT, 'package.json'), 'utf8'),
            'package-lock.json': lockWithoutPlatformPackage()
        },
        check: NPM_CI_DRY_RUN,
        expect: /Missing: @esbuild\/linux-arm64@.* from lock file/
    }
];
