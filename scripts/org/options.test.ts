/** The command line of `npm run org:create`. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseOptions } from './options.ts';

describe('org:create options', () => {
    it('defaults to a 7-day scratch org "webex-dev" with data', () => {
        assert.deepEqual(parseOptions([]), {
            ok: true,
            options: { alias: 'webex-dev', durationDays: 7, noData: false, dryRun: false }
        });
    });

    it('reads every option', () => {
        assert.deepEqual(
            parseOptions(['--alias', 'ci-1', '--dev-hub', 'hub', '--duration-days', '1', '--no-data', '--dry-run']),
            {
                ok: true,
                options: { alias: 'ci-1', devHub: 'hub', durationDays: 1, noData: true, dryRun: true }
            }
        );
        assert.deepEqual(parseOptions(['--no-users']), {
            ok: true,
            options: { alias: 'webex-dev', durationDays: 7, noData: false, noUsers: true, dryRun: false }
        });
        assert.deepEqual(parseOptions(['--no-namespace']), {
            ok: true,
            options: { alias: 'webex-dev', durationDays: 7, noData: false, noNamespace: true, dryRun: false }
        });
        assert.deepEqual(parseOptions(['--target-org', 'qa']), {
            ok: true,
            options: { alias: 'qa', durationDays: 7, noData: false, dryRun: false, targetOrg: 'qa' }
        });
    });

    it('refuses what it cannot honour, with a message', () => {
        const refused = (argv: string[]): string => {
            const parsed = parseOptions(argv);
            assert.equal(parsed.ok, false, argv.join(' '));
            return parsed.ok ? '' : parsed.message;
        };
        assert.match(refused(['--duration-days', '0']), /1 to 30/);
        assert.match(refused(['--duration-days', '31']), /1 to 30/);
        assert.match(refused(['--duration-days', '2.5']), /1 to 30/);
        assert.match(refused(['--alias', 'a b']), /without spaces/);
        assert.match(refused(['--alias', 'x', '--target-org', 'y']), /not both/);
        assert.match(refused(['--target-org', 'y', '--duration-days', '3']), /only to a new scratch org/);
        assert.match(
            refused(['--target-org', 'y', '--no-namespace']),
            /--no-namespace applies only to a new scratch org/
        );
        assert.match(refused(['--dev-hub', ' ']), /--dev-hub needs/);
        assert.match(refused(['--bogus']), /Unknown option '--bogus'/);
        assert.match(refused(['extra']), /positional/);
    });

    it('answers the usage for --help', () => {
        const parsed = parseOptions(['--help']);
        assert.ok(!parsed.ok && parsed.help);
        assert.match(parsed.ok ? '' : parsed.message, /Usage: npm run org:create -- \[options\]/);
    });
});
