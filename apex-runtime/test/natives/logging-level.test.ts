/**
 * `System.LoggingLevel` and `System.debug(level, msg)` (Apex Reference Guide › LoggingLevel Enum; System Class › debug).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRuntime } from '../../src/interpreter/runtime.ts';
import { apex } from './helpers.ts';

test('LoggingLevel lists NONE to FINEST from the lowest to the highest level (Apex Reference Guide › LoggingLevel Enum)', () => {
    assert.equal(
        apex(
            "List<String> out = new List<String>(); for (LoggingLevel l : new List<LoggingLevel>{ LoggingLevel.NONE, LoggingLevel.ERROR, LoggingLevel.WARN, LoggingLevel.INFO, System.LoggingLevel.DEBUG, LoggingLevel.FINE, LoggingLevel.FINER, LoggingLevel.FINEST }) out.add(l.name() + l.ordinal()); return String.join(out, ',');"
        ),
        'NONE0,ERROR1,WARN2,INFO3,DEBUG4,FINE5,FINER6,FINEST7'
    );
});

test('System.debug(logLevel, msg) logs the message at that level; debug(msg) at DEBUG (Apex Reference Guide › System Class › debug)', () => {
    const rt = createRuntime({
        sources: [
            {
                file: 'T.cls',
                text: "public class T { public static void run() { System.debug(LoggingLevel.ERROR, 'bad ' + 1); System.debug('plain'); } }"
            }
        ]
    });
    rt.beginTransaction();
    rt.invokeStatic('T', 'run');
    assert.deepEqual(rt.debugLog, [
        { level: 'ERROR', message: 'bad 1' },
        { level: 'DEBUG', message: 'plain' }
    ]);
});

test('LoggingLevel values compare as enum constants in == and switch (Apex Developer Guide › Enums)', () => {
    assert.equal(
        apex(
            'LoggingLevel l = LoggingLevel.WARN; switch on l { when WARN { return l == LoggingLevel.WARN && l != LoggingLevel.ERROR; } when else { return false; } }'
        ),
        true
    );
});
