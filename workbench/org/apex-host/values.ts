/**
 * Field values between the workbench's record store (JSON-like: Dates `YYYY-MM-DD`, Datetimes ISO 8601, numbers)
 * and the runtime's Apex values, through the runtime's own JSON reading and writing (JSON Class › serialize and
 * deserialize give each primitive the text form the workbench already uses).
 */
import type { ApexFieldType } from '../../../apex-runtime/src/data/schema.ts';
import type { Interpreter } from '../../../apex-runtime/src/interpreter/interpreter.ts';
import type { ApexValue } from '../../../apex-runtime/src/interpreter/model.ts';
import { fromJson } from '../../../apex-runtime/src/interpreter/natives/json-values.ts';
import type { PlatformRuntime } from '../../../apex-runtime/src/interpreter/natives/platform.ts';
import { prim } from '../../../apex-runtime/src/interpreter/types.ts';
import { parseJson, primitiveToJson, type JsonNode } from '../../../apex-runtime/src/values/json-text.ts';
import type { PlainValue } from './protocol.ts';

/** A JSON node as a JavaScript value (numbers as numbers, as Aura and the UI API give them). */
export function nodeToPlain(node: JsonNode): unknown {
    switch (node.kind) {
        case 'null':
            return null;
        case 'string':
        case 'boolean':
            return node.value;
        case 'number':
            return Number(node.text);
        case 'array':
            return node.items.map(nodeToPlain);
        case 'object':
            return Object.fromEntries([...node.entries].map(([k, v]) => [k, nodeToPlain(v)]));
    }
}

/** A workbench field value as the Apex value of a field of this type. */
export function fromPlain(it: Interpreter, value: PlainValue, type: ApexFieldType): ApexValue {
    if (value === null) return null;
    // A Datetime field the workbench filled with a date, or a number typed as text: JSON reading decides.
    const node = parseJson(JSON.stringify(value));
    if (type === 'Integer' && typeof value === 'number' && !Number.isInteger(value)) return Math.trunc(value);
    return fromJson(it as unknown as PlatformRuntime, node, prim(type as Parameters<typeof prim>[0]), false);
}

/** A stored field value as the workbench holds it. */
export function toPlain(value: unknown): PlainValue {
    return nodeToPlain(primitiveToJson(value)) as PlainValue;
}
