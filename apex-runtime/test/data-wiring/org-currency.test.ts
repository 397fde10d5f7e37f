import assert from 'node:assert/strict';
import { test } from 'node:test';
import { T0 } from '../data/helpers.ts';
import { units } from '../testing/helpers.ts';
import { dataNatives, wireDataLayer } from '../../src/interpreter/data/wire.ts';
import { installOrgContext } from '../../src/interpreter/natives/org-context.ts';
import { createTestOrg, DEFAULT_ORG_CURRENCY } from '../../src/testing/org.ts';
import { buildTestInterpreter, runTests } from '../../src/testing/runner.ts';
import { allPassed, fixtureProject } from './helpers.ts';

function run(body: string, currencyIsoCode?: string) {
    const p = fixtureProject();
    const clock = (): number => T0;
    const org = createTestOrg({
        schema: p.schema,
        meta: p.meta,
        clock,
        ...(currencyIsoCode ? { currencyIsoCode } : {})
    });
    const u = units({ 'T.cls': `@IsTest private class T { @IsTest static void m() { ${body} } }` });
    const it = buildTestInterpreter({ units: u, schema: p.schema, data: org.layer, natives: dataNatives(), clock });
    wireDataLayer(it, org.layer);
    installOrgContext(it, org.orgContext);
    return runTests({ units: u, interpreter: it, store: org.store, identity: org.identity, coverage: false });
}

test('UserInfo.getDefaultCurrency in a single-currency org is the org’s currency, which the host gives (Apex Reference Guide › UserInfo.getDefaultCurrency: "the organization\'s currency code for single currency organizations")', () => {
    assert.ok(allPassed(run(`Assert.areEqual('EUR', UserInfo.getDefaultCurrency());`, 'EUR')));
});

test('Without a currency from the host the runtime’s org has the documented placeholder DEFAULT_ORG_CURRENCY (its en_US Default Locale taken as Currency Locale)', () => {
    assert.equal(DEFAULT_ORG_CURRENCY, 'USD');
    assert.ok(allPassed(run(`Assert.areEqual('USD', UserInfo.getDefaultCurrency());`)));
});
