/**
 * `System.OrgLimits` and `System.OrgLimit` (Apex Reference Guide › OrgLimits Class, OrgLimit Class) over the
 * test org's limits: a free org's documented allocations with usage 0 by default, or what the host gives
 * (`TestOrgOptions.orgLimits`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { T0 } from '../data/helpers.ts';
import { fixtureProject, allPassed, onlyMessage } from '../data-wiring/helpers.ts';
import { units } from '../testing/helpers.ts';
import { dataNatives, wireDataLayer } from '../../src/interpreter/data/wire.ts';
import { installOrgContext } from '../../src/interpreter/natives/org-context.ts';
import { FREE_ORG_ALLOCATIONS, OrgLimitsTable } from '../../src/interpreter/natives/org-limits.ts';
import type { OrgLimitsOptions } from '../../src/interpreter/natives/org-limits.ts';
import { createTestOrg } from '../../src/testing/org.ts';
import type { TestOrg } from '../../src/testing/org.ts';
import { buildTestInterpreter, runTests } from '../../src/testing/runner.ts';
import type { TestRunResult } from '../../src/testing/runner.ts';

/** Runs the test method body `body` in a test org with the given limits. */
function run(body: string, orgLimits?: OrgLimitsOptions, before?: (org: TestOrg) => void): TestRunResult {
    const p = fixtureProject();
    const clock = (): number => T0;
    const org = createTestOrg({ schema: p.schema, meta: p.meta, clock, ...(orgLimits ? { orgLimits } : {}) });
    before?.(org);
    const u = units({ 'T.cls': `@IsTest private class T { @IsTest static void m() {\n${body}\n} }` });
    const it = buildTestInterpreter({ units: u, schema: p.schema, data: org.layer, natives: dataNatives(), clock });
    wireDataLayer(it, org.layer);
    installOrgContext(it, org.orgContext);
    return runTests({ units: u, interpreter: it, store: org.store, identity: org.identity, coverage: false });
}

test('OrgLimits.getMap() keys each OrgLimit by its name; getName, getValue (usage) and getLimit (maximum) read it (Apex Reference Guide › OrgLimits Class › getMap(), OrgLimit Class)', () => {
    const r = run(`
        Map<String, System.OrgLimit> limits = OrgLimits.getMap();
        System.OrgLimit delivered = limits.get('DailyDeliveredPlatformEvents');
        Assert.areEqual('DailyDeliveredPlatformEvents', delivered.getName());
        Assert.areEqual(0, delivered.getValue());
        Assert.areEqual(10000, delivered.getLimit());
        Assert.areEqual(10000, limits.get('DailyDurableGenericStreamingApiEvents').getLimit());`);
    assert.ok(allPassed(r));
});

test('a free org’s documented allocations are the default: 10,000 delivered events a day, 20 concurrent clients (Streaming API Developer Guide › Generic and PushTopic Streaming Allocations, free orgs; Platform Event Allocations)', () => {
    const byName = new Map(FREE_ORG_ALLOCATIONS.map((a) => [a.name, a.max]));
    assert.equal(byName.get('DailyDeliveredPlatformEvents'), 10000);
    assert.equal(byName.get('DailyDurableGenericStreamingApiEvents'), 10000);
    assert.equal(byName.get('DailyDurableStreamingApiEvents'), 10000);
    assert.equal(byName.get('DurableStreamingApiConcurrentClients'), 20);
    for (const a of FREE_ORG_ALLOCATIONS) assert.match(a.source, /https:\/\/developer\.salesforce\.com\//, a.name);
});

test('OrgLimits.getAll() lists every OrgLimit of the map (Apex Reference Guide › OrgLimits Class › getAll())', () => {
    const r = run(`
        List<System.OrgLimit> all = OrgLimits.getAll();
        Map<String, System.OrgLimit> byName = OrgLimits.getMap();
        Assert.areEqual(byName.size(), all.size());
        for (System.OrgLimit l : all) {
            Assert.areEqual(l.getLimit(), byName.get(l.getName()).getLimit());
        }
        Assert.areEqual(${FREE_ORG_ALLOCATIONS.length}, all.size());`);
    assert.ok(allPassed(r));
});

test('a name the org does not report is not in the map: get returns null, as Map.get does for a missing key (Apex Reference Guide › Map Class › get)', () => {
    const r = run(`
        Assert.isNull(OrgLimits.getMap().get('NoSuchLimit'));
        // Map keys of type String are case-sensitive (Apex Developer Guide › Maps).
        Assert.isNull(OrgLimits.getMap().get('dailydeliveredplatformevents'));`);
    assert.ok(allPassed(r));
});

test('OrgLimit.toString() names the limit, its usage and maximum (Apex Reference Guide › OrgLimit Class › toString(): "OrgLimit[DailyBulkApiBatches: consumed 25 of 15000]")', () => {
    const r = run(
        `Assert.areEqual('OrgLimit[DailyBulkApiBatches: consumed 25 of 15000]',
            String.valueOf(OrgLimits.getMap().get('DailyBulkApiBatches')));`,
        { extra: [{ name: 'DailyBulkApiBatches', max: 15000 }], usage: { DailyBulkApiBatches: 25 } }
    );
    assert.ok(allPassed(r));
});

test('the host sets usage and maximums (runner option orgLimits), and may change usage between reads ("Limit values are updated asynchronously", OrgLimits Class)', () => {
    const r = run(
        `System.OrgLimit l = OrgLimits.getMap().get('DailyDeliveredPlatformEvents');
        Assert.areEqual(8500, l.getValue());
        Assert.areEqual(25000, l.getLimit());
        Assert.areEqual(9000, OrgLimits.getMap().get('DailyDurableGenericStreamingApiEvents').getValue());`,
        {
            extra: [{ name: 'DailyDeliveredPlatformEvents', max: 25000 }],
            usage: { DailyDeliveredPlatformEvents: 8500 }
        },
        (org) => org.orgLimits.setUsage('DailyDurableGenericStreamingApiEvents', 9000)
    );
    assert.ok(allPassed(r));
});

test('usage of a limit the org does not have, or a count no Integer holds, is refused (getValue and getLimit return Integer: OrgLimit Class)', () => {
    assert.throws(() => new OrgLimitsTable({ usage: { DailyDeliverdPlatformEvents: 1 } }), /no limit named/);
    assert.throws(() => new OrgLimitsTable({ usage: { DailyDeliveredPlatformEvents: -1 } }), /non-negative Integer/);
    assert.throws(() => new OrgLimitsTable({ extra: [{ name: 'X', max: 2 ** 31 }] }), /non-negative Integer/);
    const r = run(`OrgLimits.getMap().get('NoSuchLimit').getValue();`);
    assert.match(onlyMessage(r), /NullPointerException/);
});
