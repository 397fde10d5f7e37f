/**
 * The gate's Apex rules in one process, on one parse of the project's Apex: each rule is also a script
 * of its own (`tsx scripts/checks/apex-<rule>.ts`), which the gate self-test runs on its planted fault.
 * `tsx scripts/checks/apex-rules.ts apex-call-graph` runs only the rules named.
 */
import { runRules } from '../lib/apex-rule.ts';
import { rule as adminAccess } from './apex-admin-access.ts';
import { rule as auraMessage } from './apex-aura-message.ts';
import { rule as callGraph } from './apex-call-graph.ts';
import { rule as constantAssert } from './apex-constant-assert.ts';
import { rule as countryLiteral } from './apex-country-literal.ts';
import { rule as dynamicSoql } from './apex-dynamic-soql.ts';
import { rule as systemContext } from './apex-system-context.ts';
import { rule as testLayout } from './apex-test-layout.ts';
import { rule as testLimits } from './apex-test-limits.ts';

const RULES = [
    testLayout,
    testLimits,
    constantAssert,
    countryLiteral,
    auraMessage,
    systemContext,
    adminAccess,
    callGraph,
    dynamicSoql
];
const only = process.argv.slice(2);
runRules(RULES.filter((r) => !only.length || only.includes(r.name)));
