/**
 * Lightning Web Security in the workbench: a package component that uses an API LWS blocks must fail a
 * browser story under the sandbox, with the sandbox's own refusal ("Lightning Web Security: Cannot access
 * releaseEvents"), so what fails is the sandbox's doing. (The same story with the sandbox off passes: it did when
 * this fault was written, and each run no longer pays a second workbench build, about 60 s, to show it again: no
 * other code than the sandbox's distortion writes that message.) `document.releaseEvents` is on the blocked list of Salesforce's
 * own rule (@locker/eslint-plugin-locker docs/rules/distorted-document-blocked-properties.md; LWS Distortion
 * Viewer, https://developer.salesforce.com/docs/platform/lwc/guide/security-lwsec-tools-distortion-viewer.html)
 * and is a no-op outside the sandbox.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../lib/project.ts';
import type { Fault } from './fault.ts';

/** A story of its own, written in the copy only: the admin tab opens without a page error. */
const STORY = `import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeHarness, openHarness, resetStory, type Harness } from './browser.ts';

let h: Harness;

describe('LWS self-test', () => {
    before(async () => {
        h = await openHarness();
    });
    after(() => closeHarness(h));

    it('opens the Webex Admin tab without a page error', async () => {
        await resetStory(h, '#/n/Webex_Admin');
        await h.page.getByText('Webex Integration Settings').first().waitFor({ timeout: 15000 }).catch(() => undefined);
        assert.deepEqual(h.pageErrors, []);
    });
});
`;

const story = 'workbench/e2e/zz-lws-fault.test.ts';
const runStory = (env: string): string =>
    `env -u WORKBENCH_SKIP_BUILD WORKBENCH_BUILD_DIR=workbench/.build-lws-fault ${env} ${JSON.stringify(process.execPath)} --import tsx --test ${story}`;

export const FAULTS: Fault[] = [
    {
        name: 'a component using an API Lightning Web Security blocks (document.releaseEvents)',
        files: { [story]: STORY },
        edits: [
            {
                file: 'force-app/main/default/lwc/webexAdmin/webexAdmin.ts',
                find: 'readonly labels = { title: TITLE,',
                replace: 'readonly labels = { title: (document.releaseEvents(), TITLE),'
            }
        ],
        // The workbench reads the seed data, the OpenAPI specs, tsconfig.build.json, package.json (ES modules) and
        // package-lock.json (the Webex SDK's versions), which the copy does not hold.
        check: [
            'bash',
            '-c',
            [
                `ln -s ${JSON.stringify(path.join(ROOT, 'data'))} data`,
                `ln -s ${JSON.stringify(path.join(ROOT, 'specs'))} specs`,
                `cp ${['tsconfig.build.json', 'package.json', 'package-lock.json'].map((f) => JSON.stringify(path.join(ROOT, f))).join(' ')} .`,
                runStory('WORKBENCH_LWS=on')
            ].join(' && ')
        ],
        expect: /Lightning Web Security: Cannot access releaseEvents/,
        slow: true
    },
    {
        name: 'a component using an API Lightning Web Security blocks, found by the lint (document.write)',
        files: {
            // The copy holds no lint configuration: the project's, as the gate's lint step reads it.
            'eslint.config.cjs': readFileSync(path.join(ROOT, 'eslint.config.cjs'), 'utf8'),
            'force-app/main/default/lwc/zzFaultLws/zzFaultLws.ts':
                'export function print(text: string): void {\n    document.write(text);\n}\n'
        },
        check: [
            path.join(ROOT, 'node_modules/.bin/eslint'),
            '--max-warnings',
            '0',
            'force-app/main/default/lwc/zzFaultLws/zzFaultLws.ts'
        ],
        expect: /@locker\/locker\/distorted-document-blocked-properties/
    }
];
