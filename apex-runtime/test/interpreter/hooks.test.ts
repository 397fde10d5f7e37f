import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runtime, body } from './helpers.ts';
import { parseApexFile } from '../../src/syntax/parse.ts';
import type { TriggerDecl } from '../../src/syntax/ast.ts';

test('onStatement sees every executed statement line, for line coverage (Apex Developer Guide › Testing and Code Coverage: covered lines are executed lines)', () => {
    const rt = runtime([body('Integer x = 1;\nif (x > 5) {\nx = 2;\n}\nreturn x;')]);
    const lines = new Set<number>();
    rt.interpreter.onStatement = (_file, line) => void lines.add(line);
    rt.beginTransaction();
    assert.equal(rt.invokeStatic('T', 'run'), 1);
    assert.deepEqual(
        [...lines].sort((a, b) => a - b),
        [4, 5, 8]
    );
});

test('A trigger body runs as a block with its context variables in scope, statics shared with classes in the transaction (Apex Developer Guide › Triggers; Static and Instance Methods)', () => {
    const rt = runtime([`public class Counter { public static Integer runs = 0; }`]);
    const unit = parseApexFile(
        'CountIt.trigger',
        'trigger CountIt on Contact (before insert) { Counter.runs += size; }'
    );
    const decl = unit.type as TriggerDecl;
    rt.beginTransaction();
    rt.interpreter.runBlock(decl.body, `Trigger.${decl.name}`, unit.file, undefined, new Map([['size', 3]]));
    rt.interpreter.runBlock(decl.body, `Trigger.${decl.name}`, unit.file, undefined, new Map([['size', 2]]));
    const counter = rt.interpreter.classes.findClass(['counter'], undefined);
    assert.ok(counter);
    assert.equal(rt.interpreter.ensureStatics(counter).get('runs'), 5);
});

test("The sharing mode in effect follows the innermost with/without sharing class; inherited sharing takes the caller's (Apex Developer Guide › Use the with sharing, without sharing, and inherited sharing Keywords)", async () => {
    const { defineNative } = await import('../../src/interpreter/natives/registry.ts');
    const seen: string[] = [];
    const holder: { it?: { currentSharing(r: { omitted: 'with' | 'caller'; entry: 'with' | 'without' }): string } } =
        {};
    const Probe = defineNative({
        name: 'Probe',
        namespace: 'Test',
        statics: {
            mode: [
                {
                    params: [],
                    fn: () => (
                        seen.push(holder.it?.currentSharing({ omitted: 'caller', entry: 'without' }) ?? '?'),
                        null
                    )
                }
            ]
        }
    });
    const rt = runtime(
        [
            `public with sharing class W { public static void go() { I.go(); N.go(); } }`,
            `public inherited sharing class I { public static void go() { Probe.mode(); } }`,
            `public without sharing class N { public static void go() { I.go(); } }`,
            `public class T { public static Object run() { I.go(); W.go(); return null; } }`
        ],
        { natives: [Probe] }
    );
    holder.it = rt.interpreter;
    rt.beginTransaction();
    rt.invokeStatic('T', 'run');
    assert.deepEqual(seen, ['without', 'with', 'without']);
});
