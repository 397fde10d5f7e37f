/**
 * Wires a data layer into an interpreter: registers the data natives (Database, Search, EventBus,
 * Trigger, the DML result classes, StatusCode, AccessLevel), installs the DmlException methods and
 * binds the layer (inline SOQL/SOSL/DML, triggers) to the interpreter.
 */
import type { Interpreter } from '../interpreter.ts';
import type { NativeClass } from '../natives/registry.ts';
import { DATABASE_NATIVES } from '../natives/database.ts';
import { EventBusNative } from '../natives/eventbus.ts';
import { installDmlExceptionMethods } from './dml-exception.ts';
import type { DataLayer } from './layer.ts';
import { TriggerNative } from './triggers.ts';

/** The natives of the data layer. */
export function dataNatives(): NativeClass[] {
    return [...DATABASE_NATIVES, EventBusNative, TriggerNative];
}

/** Connects `layer` to `it`, which must have been built with `data: layer`. */
export function wireDataLayer(it: Interpreter, layer: DataLayer): void {
    if (it.data !== layer) throw new Error('wireDataLayer: the interpreter was not built with this data layer');
    for (const n of dataNatives()) if (!it.natives.find([n.namespace.toLowerCase(), n.lname])) it.natives.register(n);
    installDmlExceptionMethods(it);
    layer.bind(it);
}
