import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allPassed, runInOrg } from './helpers.ts';

// runInOrg parses through the process-wide parse cache, so both runs below load the very same syntax
// trees into two runtimes: what one runtime memoizes on a tree must not leak into the other.
test('Two runtimes over the same parsed trigger each have their own statics (Apex Developer Guide › Static and Instance Methods, Variables, and Initialization Code: static variables are static only within the scope of the transaction)', () => {
    const sources = {
        'T.cls': `@IsTest private class T { @IsTest static void m() {
            insert new Contact(LastName = 'Ada');
            Assert.areEqual(new List<String>{ 'Ada' }, Log.names);
        } }`,
        'Log.cls': `public class Log { public static List<String> names = new List<String>(); }`,
        'Names.trigger': `trigger Names on Contact (after insert) { for (Contact c : Trigger.new) Log.names.add(c.LastName); }`
    };
    assert.ok(allPassed(runInOrg(sources)));
    assert.ok(allPassed(runInOrg(sources)));
});
