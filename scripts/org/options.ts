/** The command line of `npm run org:create -- [options]`. */
import { parseArgs } from 'node:util';

export interface OrgCreateOptions {
    /** Alias of the scratch org (or of the existing org with `--target-org`). */
    alias: string;
    /** Dev Hub username or alias; the CLI's default Dev Hub when absent. */
    devHub?: string;
    durationDays: number;
    /** Skip the sample users and the sample records. */
    noData: boolean;
    /** Skip the sample users only (CI: `sf org create user` is refused after a JWT login on Hyperforce). */
    noUsers?: boolean;
    /** A scratch org without the project's namespace (a Dev Hub not linked to it). */
    noNamespace?: boolean;
    /** Print every step, command and metadata without an org or the network. */
    dryRun: boolean;
    /** Configure this existing org instead of creating a scratch org (to resume after a failure). */
    targetOrg?: string;
}

export const USAGE = `Usage: npm run org:create -- [options]

Creates a scratch org for Webex for Salesforce, deploys the package, creates the External Client
App "Webex Salesforce Authorization", assigns the permission sets, loads the sample users (as many as
the org's licences allow) and records, and prints what the admin still does by hand.

Options:
  --alias <name>          scratch-org alias (default: webex-dev)
  --dev-hub <name>        Dev Hub username or alias (default: the CLI's default Dev Hub)
  --duration-days <n>     scratch-org lifetime, 1-30 days (default: 7)
  --no-data               skip the sample users and the sample records
  --no-users              skip the sample users only (sf org create user is refused after a JWT
                          login on Hyperforce, and works only in scratch orgs)
  --no-namespace          a scratch org without the namespace of sfdx-project.json (for a Dev Hub
                          that is not linked to it)
  --target-org <name>     set up this existing org instead of creating one (e.g. to resume after a failure)
  --dry-run               print every step, command and the metadata, without an org or the network
  -h, --help              this help`;

export type ParsedOptions = { ok: true; options: OrgCreateOptions } | { ok: false; help: boolean; message: string };

/** Parses the arguments; never throws. */
export function parseOptions(argv: string[]): ParsedOptions {
    let values: {
        alias?: string;
        'dev-hub'?: string;
        'duration-days'?: string;
        'no-data'?: boolean;
        'no-users'?: boolean;
        'no-namespace'?: boolean;
        'dry-run'?: boolean;
        'target-org'?: string;
        help?: boolean;
    };
    try {
        ({ values } = parseArgs({
            args: argv,
            strict: true,
            allowPositionals: false,
            options: {
                alias: { type: 'string' },
                'dev-hub': { type: 'string' },
                'duration-days': { type: 'string' },
                'no-data': { type: 'boolean' },
                'no-users': { type: 'boolean' },
                'no-namespace': { type: 'boolean' },
                'dry-run': { type: 'boolean' },
                'target-org': { type: 'string' },
                help: { type: 'boolean', short: 'h' }
            }
        }));
    } catch (error) {
        return { ok: false, help: false, message: (error as Error).message };
    }
    if (values.help) return { ok: false, help: true, message: USAGE };

    const durationText = values['duration-days'] ?? '7';
    const durationDays = Number(durationText);
    if (!/^\d+$/.test(durationText) || durationDays < 1 || durationDays > 30)
        return {
            ok: false,
            help: false,
            message: `--duration-days must be a whole number from 1 to 30 (got "${durationText}").`
        };

    const targetOrg = values['target-org']?.trim();
    const alias = (values.alias ?? targetOrg ?? 'webex-dev').trim();
    if (!alias || /\s/.test(alias))
        return { ok: false, help: false, message: '--alias must be a name without spaces.' };
    if (values['target-org'] !== undefined && !targetOrg)
        return { ok: false, help: false, message: '--target-org needs an org alias or username.' };
    if (targetOrg && values.alias !== undefined)
        return {
            ok: false,
            help: false,
            message: 'Use --alias (a new scratch org) or --target-org (an existing org), not both.'
        };
    if (targetOrg && values['no-namespace'])
        return {
            ok: false,
            help: false,
            message: '--no-namespace applies only to a new scratch org, not with --target-org.'
        };
    if (targetOrg && values['duration-days'] !== undefined)
        return {
            ok: false,
            help: false,
            message: '--duration-days applies only to a new scratch org, not with --target-org.'
        };
    const devHub = values['dev-hub']?.trim();
    if (values['dev-hub'] !== undefined && !devHub)
        return { ok: false, help: false, message: '--dev-hub needs a Dev Hub alias or username.' };

    return {
        ok: true,
        options: {
            alias: targetOrg ?? alias,
            ...(devHub ? { devHub } : {}),
            durationDays,
            noData: values['no-data'] ?? false,
            ...(values['no-users'] ? { noUsers: true } : {}),
            ...(values['no-namespace'] ? { noNamespace: true } : {}),
            dryRun: values['dry-run'] ?? false,
            ...(targetOrg ? { targetOrg } : {})
        }
    };
}
