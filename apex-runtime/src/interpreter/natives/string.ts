/**
 * `String` (Apex Reference Guide › String Class): the static methods and a dispatcher from
 * instance calls (`s.trim()`) to the value library's string functions (values/string-methods.ts).
 * A null String argument where the library takes none raises NullPointerException, as Apex does
 * for a null argument it dereferences.
 */
import * as S from '../../values/string-methods.ts';
import { formatMessage } from '../../values/format.ts';
import { nullPointerException } from '../../values/signal.ts';
import { UnsupportedApexError } from '../../errors.ts';
import type { ApexValue } from '../model.ts';
import { ApexList, ApexSet } from '../collections.ts';
import { prim } from '../types.ts';
import { defineNative } from './registry.ts';
import type { NativeOverload, NativeRuntime } from './registry.ts';

const STRING = prim('String');
const INTEGER = prim('Integer');

/** Argument codes: `S` String (non-null), `s` String or null, `I` Integer, `L` List, `O` anything. */
type Code = 'S' | 's' | 'I' | 'L' | 'O';

function arg(code: Code, v: ApexValue): unknown {
    if (code === 'O' || code === 's') return v;
    if (v === null) throw nullPointerException();
    return v;
}

function result(v: unknown): ApexValue {
    if (Array.isArray(v)) {
        const ints = v.length > 0 && typeof v[0] === 'number';
        return new ApexList(ints ? INTEGER : STRING, v as ApexValue[]);
    }
    return v as ApexValue;
}

const KIND: Record<Code, string> = { S: 'String', s: 'String', I: 'Integer', L: 'List', O: 'Object' };

type Fn = (s: string, ...args: never[]) => unknown;

/** Instance overloads from `name: [[codes, fn], ...]`. */
function instance(table: Record<string, [Code[], Fn][]>): Record<string, NativeOverload[]> {
    const out: Record<string, NativeOverload[]> = {};
    for (const [name, overloads] of Object.entries(table)) {
        out[name] = overloads.map(([codes, fn]) => ({
            params: codes.map((c) => KIND[c]),
            fn: (_rt: NativeRuntime, self: ApexValue, a: ApexValue[]) =>
                result(
                    (fn as (...x: unknown[]) => unknown)(self as string, ...codes.map((c, i) => arg(c, a[i] ?? null)))
                )
        }));
    }
    return out;
}

const f1 = (fn: Fn): [Code[], Fn][] => [[[], fn]];
const fS = (fn: Fn): [Code[], Fn][] => [[['S'], fn]];
const fs = (fn: Fn): [Code[], Fn][] => [[['s'], fn]];
/** A method whose last parameter may be left out: the overloads without it and with it. */
const fOpt = (codes: Code[], fn: Fn): [Code[], Fn][] => [
    [codes.slice(0, -1), fn],
    [codes, fn]
];

const METHODS = instance({
    abbreviate: [
        [['I'], S.abbreviate as Fn],
        [['I', 'I'], ((s: string, w: number, o: number) => S.abbreviate(s, w, o)) as Fn]
    ],
    capitalize: f1(S.capitalize as Fn),
    center: fOpt(['I', 'S'], S.center as Fn),
    charAt: [[['I'], S.charAt as Fn]],
    codePointAt: [[['I'], S.codePointAt as Fn]],
    codePointBefore: [[['I'], S.codePointBefore as Fn]],
    codePointCount: [[['I', 'I'], S.codePointCount as Fn]],
    compareTo: fS(S.compareTo as Fn),
    contains: fs(S.contains as Fn),
    containsAny: fS(S.containsAny as Fn),
    containsIgnoreCase: fs(S.containsIgnoreCase as Fn),
    containsNone: fs(S.containsNone as Fn),
    containsOnly: fS(S.containsOnly as Fn),
    containsWhitespace: f1(S.containsWhitespace as Fn),
    countMatches: fS(S.countMatches as Fn),
    deleteWhitespace: f1(S.deleteWhitespace as Fn),
    difference: fS(S.difference as Fn),
    endsWith: fS(S.endsWith as Fn),
    endsWithIgnoreCase: fS(S.endsWithIgnoreCase as Fn),
    equalsIgnoreCase: fs(S.equalsIgnoreCase as Fn),
    escapeCsv: f1(S.escapeCsv as Fn),
    escapeEcmaScript: f1(S.escapeEcmaScript as Fn),
    escapeHtml3: f1(S.escapeHtml3 as Fn),
    escapeHtml4: f1(S.escapeHtml4 as Fn),
    escapeJava: f1(S.escapeJava as Fn),
    escapeSingleQuotes: f1(S.escapeSingleQuotes as Fn),
    escapeXml: f1(S.escapeXml as Fn),
    getChars: f1(S.getChars as Fn),
    hashCode: f1(S.hashCode as Fn),
    indexOf: fOpt(['S', 'I'], S.indexOf as Fn),
    indexOfAny: fS(S.indexOfAny as Fn),
    indexOfAnyBut: fS(S.indexOfAnyBut as Fn),
    indexOfChar: fOpt(['I', 'I'], S.indexOfChar as Fn),
    indexOfDifference: fS(S.indexOfDifference as Fn),
    indexOfIgnoreCase: fOpt(['S', 'I'], S.indexOfIgnoreCase as Fn),
    isAllLowerCase: f1(S.isAllLowerCase as Fn),
    isAllUpperCase: f1(S.isAllUpperCase as Fn),
    isAlpha: f1(S.isAlpha as Fn),
    isAlphaSpace: f1(S.isAlphaSpace as Fn),
    isAlphanumeric: f1(S.isAlphanumeric as Fn),
    isAlphanumericSpace: f1(S.isAlphanumericSpace as Fn),
    isAsciiPrintable: f1(S.isAsciiPrintable as Fn),
    isNumeric: f1(S.isNumeric as Fn),
    isNumericSpace: f1(S.isNumericSpace as Fn),
    isWhitespace: f1(S.isWhitespace as Fn),
    lastIndexOf: fOpt(['S', 'I'], S.lastIndexOf as Fn),
    lastIndexOfChar: fOpt(['I', 'I'], S.lastIndexOfChar as Fn),
    lastIndexOfIgnoreCase: fOpt(['S', 'I'], S.lastIndexOfIgnoreCase as Fn),
    left: [[['I'], S.left as Fn]],
    leftPad: fOpt(['I', 'S'], S.leftPad as Fn),
    length: f1(((s: string) => s.length) as Fn),
    matches: fS(S.matches as Fn),
    mid: [[['I', 'I'], S.mid as Fn]],
    normalizeSpace: f1(S.normalizeSpace as Fn),
    remove: fS(S.remove as Fn),
    removeEnd: fS(S.removeEnd as Fn),
    removeEndIgnoreCase: fS(S.removeEndIgnoreCase as Fn),
    removeStart: fS(S.removeStart as Fn),
    removeStartIgnoreCase: fS(S.removeStartIgnoreCase as Fn),
    repeat: [
        [['I'], S.repeat as Fn],
        [['S', 'I'], ((s: string, sep: string, n: number) => S.repeat(s, n, sep)) as Fn]
    ],
    replace: [[['S', 'S'], S.replace as Fn]],
    replaceAll: [[['S', 'S'], S.replaceAll as Fn]],
    replaceFirst: [[['S', 'S'], S.replaceFirst as Fn]],
    reverse: f1(S.reverse as Fn),
    right: [[['I'], S.right as Fn]],
    rightPad: fOpt(['I', 'S'], S.rightPad as Fn),
    split: fOpt(['S', 'I'], S.split as Fn),
    splitByCharacterType: f1(S.splitByCharacterType as Fn),
    splitByCharacterTypeCamelCase: f1(((s: string) => S.splitByCharacterType(s, true)) as Fn),
    startsWith: fS(S.startsWith as Fn),
    startsWithIgnoreCase: fS(S.startsWithIgnoreCase as Fn),
    substring: fOpt(['I', 'I'], S.substring as Fn),
    substringAfter: fs(S.substringAfter as Fn),
    substringAfterLast: fs(S.substringAfterLast as Fn),
    substringBefore: fs(S.substringBefore as Fn),
    substringBeforeLast: fs(S.substringBeforeLast as Fn),
    substringBetween: fOpt(['S', 'S'], S.substringBetween as Fn),
    swapCase: f1(S.swapCase as Fn),
    toLowerCase: fOpt(['S'], S.toLowerCase as Fn),
    toUpperCase: fOpt(['S'], S.toUpperCase as Fn),
    trim: f1(S.trim as Fn),
    uncapitalize: f1(S.uncapitalize as Fn),
    unescapeCsv: f1(S.unescapeCsv as Fn),
    unescapeHtml4: f1(S.unescapeHtml4 as Fn),
    unescapeJava: f1(S.unescapeJava as Fn),
    unescapeXml: f1(S.unescapeXml as Fn),
    toString: f1(((s: string) => s) as Fn),
    equals: [[['O'], ((s: string, o: unknown) => typeof o === 'string' && s === o) as Fn]]
});

/** The elements of a `String.join`/`String.format` argument: a List or Set. */
function collectionItems(v: ApexValue): ApexValue[] {
    if (v === null) throw nullPointerException();
    const items = v instanceof ApexList ? v.items : v instanceof ApexSet ? [...v.values()] : undefined;
    if (!items) throw new UnsupportedApexError('String.join of a non-collection');
    return items;
}

/** A static test of one String that may be null (`String.isBlank(s)`). */
const onNullable = (test: (s: string | null) => boolean): NativeOverload[] => [
    { params: ['String'], fn: (_rt, _s, a) => test((a[0] ?? null) as string | null) }
];

export const StringNative = defineNative({
    name: 'String',
    namespace: 'System',
    isInstance: (v) => typeof v === 'string',
    methods: METHODS,
    statics: {
        valueOf: [
            { params: ['Object'], fn: (rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => rt.stringOf(a[0] ?? null) }
        ],
        isBlank: onNullable(S.isBlank),
        isNotBlank: onNullable(S.isNotBlank),
        isEmpty: onNullable(S.isEmpty),
        isNotEmpty: onNullable(S.isNotEmpty),
        join: [
            {
                params: ['Object', 'String'],
                fn: (rt, _s, a) =>
                    S.join(
                        collectionItems(a[0] ?? null).map((x) => rt.stringOf(x)),
                        (a[1] ?? null) as string | null
                    )
            }
        ],
        format: [
            {
                params: ['String', 'List'],
                fn: (rt, _s, a) => {
                    const pattern = a[0] ?? null;
                    if (pattern === null) throw nullPointerException();
                    return formatMessage(
                        pattern as string,
                        collectionItems(a[1] ?? null).map((x) => formatArg(rt, x))
                    );
                }
            }
        ],
        fromCharArray: [
            {
                params: ['List'],
                fn: (_rt, _s, a) => S.fromCharArray(((a[0] as ApexList | null)?.items ?? []) as number[])
            }
        ],
        escapeSingleQuotes: [{ params: ['String'], fn: (_rt, _s, a) => S.escapeSingleQuotes(a[0] as string) }]
    }
});

/** A `String.format` argument's text (`String.valueOf` of it; null stays null for the formatter). */
function formatArg(rt: NativeRuntime, v: ApexValue): string | null {
    return v === null ? null : rt.stringOf(v);
}
