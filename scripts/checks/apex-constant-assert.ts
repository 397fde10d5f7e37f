/**
 * An assertion whose compared arguments are all constants (`Assert.areEqual(1, 1)`, `Assert.isTrue(true)`,
 * `System.assert(1 == 1)`) cannot fail: it tests nothing a user would notice, and it counts as an
 * assertion for PMD and for a reviewer. Report it; assert on what the code under test returned or wrote.
 */
import { isConstant } from '../lib/apex-model.ts';
import { isMain, runRules, type ApexRule, type Finding } from '../lib/apex-rule.ts';
import { ASSERTIONS } from './apex-test-limits.ts';

export const rule: ApexRule = {
    name: 'apex-constant-assert',
    readsTests: true,
    run(context) {
        const findings: Finding[] = [];
        let assertions = 0;
        for (const method of context.project.methods()) {
            for (const step of context.testGraph.steps(method)) {
                const compared = step.call?.system ? ASSERTIONS[step.call.system.toLowerCase()] : undefined;
                if (!step.call || !compared) continue;
                assertions += 1;
                const args = step.call.args.slice(0, compared);
                if (args.length && args.every(isConstant)) {
                    findings.push({
                        file: method.cls.unit.file,
                        line: step.node.start.line,
                        message: `${method.id}: ${step.call.system}(${args.map((a) => a.getText()).join(', ')}) compares constants only: it cannot fail; assert on what the code under test returned or wrote`
                    });
                }
            }
        }
        return { findings, summary: `${assertions} assertion(s), none on constants only` };
    }
};

if (isMain(import.meta)) runRules([rule]);
