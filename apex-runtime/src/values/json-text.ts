/**
 * JSON text for `System.JSON` (Apex Reference Guide › JSON Class): parsing that keeps each number's
 * exact text, the typing `deserializeUntyped` gives numbers, and writing as `serialize` /
 * `serializePretty` do (Apex's JSON is Jackson's: compact output, or its default pretty printer).
 */
import { jsonException } from './signal.ts';
import { ApexDouble, javaDoubleToString } from './double.ts';
import { Decimal } from './decimal.ts';
import { ApexDate, ApexDatetime, ApexTime } from './temporal.ts';
import { Blob } from './blob.ts';
import { base64Encode } from './encoding.ts';
import { INT_MAX, INT_MIN } from './integer.ts';
import { LONG_MAX, LONG_MIN } from './long.ts';

export type JsonNode =
    | { kind: 'object'; entries: [string, JsonNode][] }
    | { kind: 'array'; items: JsonNode[] }
    | { kind: 'string'; value: string }
    | { kind: 'number'; text: string }
    | { kind: 'boolean'; value: boolean }
    | { kind: 'null' };

const NULL: JsonNode = { kind: 'null' };

/** Parses strict JSON (RFC 8259); malformed text throws `System.JSONException`. */
export function parseJson(text: string): JsonNode {
    const p = new Parser(text);
    p.ws();
    const v = p.value();
    p.ws();
    if (p.i < text.length) throw p.error('Unexpected character');
    return v;
}

class Parser {
    readonly s: string;
    i = 0;
    constructor(s: string) {
        this.s = s;
    }
    error(what: string): Error {
        return jsonException(`${what} at [line:${this.line()}, column:${this.column()}]`);
    }
    private line(): number {
        return this.s.slice(0, this.i).split('\n').length;
    }
    private column(): number {
        return this.i - this.s.lastIndexOf('\n', this.i - 1);
    }
    ws(): void {
        while (this.i < this.s.length && ' \t\n\r'.includes(this.s.charAt(this.i))) this.i++;
    }
    value(): JsonNode {
        const c = this.s.charAt(this.i);
        if (c === '{') return this.object();
        if (c === '[') return this.array();
        if (c === '"') return { kind: 'string', value: this.string() };
        if (c === '-' || (c >= '0' && c <= '9')) return this.number();
        for (const [word, node] of [
            ['true', { kind: 'boolean', value: true }],
            ['false', { kind: 'boolean', value: false }],
            ['null', NULL]
        ] as const) {
            if (this.s.startsWith(word, this.i)) {
                this.i += word.length;
                return node;
            }
        }
        throw this.error(this.i >= this.s.length ? 'Unexpected end of input' : `Unexpected character ('${c}')`);
    }
    /** The comma-separated elements of an object or array, from its opening bracket to `close`. */
    private elements(close: '}' | ']', element: () => void): void {
        this.i++;
        this.ws();
        if (this.s.charAt(this.i) === close) {
            this.i++;
            return;
        }
        for (;;) {
            this.ws();
            element();
            this.ws();
            const c = this.s.charAt(this.i++);
            if (c === close) return;
            if (c !== ',') throw this.error(`Expected ',' or '${close}'`);
        }
    }
    private object(): JsonNode {
        const entries: [string, JsonNode][] = [];
        this.elements('}', () => {
            if (this.s.charAt(this.i) !== '"') throw this.error('Expected a field name');
            const key = this.string();
            this.ws();
            if (this.s.charAt(this.i) !== ':') throw this.error("Expected ':'");
            this.i++;
            this.ws();
            entries.push([key, this.value()]);
        });
        return { kind: 'object', entries };
    }
    private array(): JsonNode {
        const items: JsonNode[] = [];
        this.elements(']', () => items.push(this.value()));
        return { kind: 'array', items };
    }
    private string(): string {
        this.i++;
        let out = '';
        for (;;) {
            const c = this.s.charAt(this.i++);
            if (c === '') throw this.error('Unterminated string');
            if (c === '"') return out;
            if (c < ' ') throw this.error('Illegal unquoted character in a string');
            if (c !== '\\') {
                out += c;
                continue;
            }
            const e = this.s.charAt(this.i++);
            const simple: Record<string, string> = {
                '"': '"',
                '\\': '\\',
                '/': '/',
                b: '\b',
                f: '\f',
                n: '\n',
                r: '\r',
                t: '\t'
            };
            if (simple[e] !== undefined) out += simple[e];
            else if (e === 'u') {
                const hex = this.s.slice(this.i, this.i + 4);
                if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw this.error('Bad unicode escape');
                out += String.fromCharCode(parseInt(hex, 16));
                this.i += 4;
            } else throw this.error(`Unrecognized character escape '${e}'`);
        }
    }
    private number(): JsonNode {
        const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.s.slice(this.i));
        if (!m) throw this.error('Invalid number');
        this.i += m[0].length;
        return { kind: 'number', text: m[0] };
    }
}

/**
 * The Apex value `deserializeUntyped` gives a JSON number: an integer in Integer range → Integer,
 * in Long range → Long, any other (fraction, exponent, or beyond Long) → Decimal (the guide's
 * example reads `"inventory": 2000` as an Integer and `"price": 1023.45` as a Decimal).
 */
export function untypedNumber(text: string): number | bigint | Decimal {
    if (/^-?\d+$/.test(text)) {
        const n = BigInt(text);
        if (n >= BigInt(INT_MIN) && n <= BigInt(INT_MAX)) return Number(n);
        if (n >= LONG_MIN && n <= LONG_MAX) return n;
    }
    return Decimal.parse(text);
}

/** A JSON string literal as Jackson writes it: `"` `\` and control characters escaped, nothing else. */
export function jsonString(s: string): string {
    let out = '"';
    for (let i = 0; i < s.length; i++) {
        const c = s.charAt(i);
        const code = s.charCodeAt(i);
        if (c === '"' || c === '\\') out += `\\${c}`;
        else if (code < 0x20) {
            const short: Record<string, string> = { '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
            out += short[c] ?? `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
        } else out += c;
    }
    return `${out}"`;
}

/**
 * A primitive as `JSON.serialize` writes it: Date `"2024-01-31"`, Datetime `"2024-01-31T10:00:00.000Z"`
 * (GMT), Time `"10:00:00.000Z"`, Blob base64, Double as Java prints it, Decimal as its `toString()`.
 */
export function primitiveToJson(v: unknown): JsonNode {
    if (v === null || v === undefined) return NULL;
    if (typeof v === 'string') return { kind: 'string', value: v };
    if (typeof v === 'boolean') return { kind: 'boolean', value: v };
    if (typeof v === 'number' || typeof v === 'bigint') return { kind: 'number', text: String(v) };
    if (v instanceof ApexDouble) return { kind: 'number', text: javaDoubleToString(v.value) };
    if (v instanceof Decimal) return { kind: 'number', text: v.toString() };
    if (v instanceof ApexDate) return { kind: 'string', value: v.toString() };
    if (v instanceof ApexDatetime) return { kind: 'string', value: new Date(v.epochMs).toISOString() };
    if (v instanceof ApexTime) return { kind: 'string', value: v.toString() };
    if (v instanceof Blob) return { kind: 'string', value: base64Encode(v) };
    throw jsonException('Not a primitive value');
}

/** Compact JSON text (`JSON.serialize`). */
export function writeJson(node: JsonNode): string {
    switch (node.kind) {
        case 'null':
            return 'null';
        case 'boolean':
            return String(node.value);
        case 'number':
            return node.text;
        case 'string':
            return jsonString(node.value);
        case 'array':
            return `[${node.items.map(writeJson).join(',')}]`;
        case 'object':
            return `{${node.entries.map(([k, v]) => `${jsonString(k)}:${writeJson(v)}`).join(',')}}`;
    }
}

/**
 * Pretty JSON text (`JSON.serializePretty`), Jackson's default pretty printer: objects one field per
 * line indented by two spaces per object level with `"key" : value`; arrays on one line `[ 1, 2 ]`
 * (they add no indentation level); empty containers `{ }` and `[ ]`.
 */
export function writeJsonPretty(node: JsonNode, level = 0): string {
    switch (node.kind) {
        case 'array':
            if (node.items.length === 0) return '[ ]';
            return `[ ${node.items.map((item) => writeJsonPretty(item, level)).join(', ')} ]`;
        case 'object': {
            if (node.entries.length === 0) return '{ }';
            const inner = '  '.repeat(level + 1);
            const fields = node.entries.map(([k, v]) => `${inner}${jsonString(k)} : ${writeJsonPretty(v, level + 1)}`);
            return `{\n${fields.join(',\n')}\n${'  '.repeat(level)}}`;
        }
        default:
            return writeJson(node);
    }
}
