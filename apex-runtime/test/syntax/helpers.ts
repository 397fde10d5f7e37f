/**
 * Small helpers for the syntax tests: parse a class body, a method body or one expression.
 */
import type { ClassDecl, MethodDecl, Stmt } from '../../src/syntax/ast.ts';
import { parseApexExpression, parseApexFile } from '../../src/syntax/parse.ts';

/** Parses `source` as `Test.cls` and returns its class. */
export function parseClass(source: string): ClassDecl {
    const unit = parseApexFile('Test.cls', source);
    if (unit.type.kind !== 'class') throw new Error(`expected a class, got ${unit.type.kind}`);
    return unit.type;
}

/** The statements of `void m() { <body> }`. */
export function parseStatements(body: string): Stmt[] {
    const method = parseClass(`public class Test { void m() {\n${body}\n} }`).members[0] as MethodDecl;
    return method.body?.stmts ?? [];
}

/** One expression, lines dropped so shapes compare structurally. */
export function expr(text: string): unknown {
    return strip(parseApexExpression(text));
}

/** Removes `line`/`column` from a tree, so tests assert shapes. */
export function strip(node: unknown): unknown {
    if (Array.isArray(node)) return node.map(strip);
    if (node && typeof node === 'object') {
        const out: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(node)) {
            if (key !== 'line' && key !== 'column' && key !== 'endLine') out[key] = strip(value);
        }
        return out;
    }
    return node;
}

/** Expected shapes (no lines), for `assert.deepStrictEqual(expr(text), ...)`. */
export const name = (text: string) => ({ kind: 'name', name: text });
export const int = (text: string) => ({ kind: 'literal', type: 'integer', value: text });
export const str = (text: string) => ({ kind: 'literal', type: 'string', value: text });
export const bin = (op: string, left: unknown, right: unknown) => ({ kind: 'binary', op, left, right });
export const type = (names: string[], args: unknown[] = [], arrayDims = 0) => ({ names, args, arrayDims });
