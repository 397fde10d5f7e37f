/**
 * The dialer (lwc/webexPhoneNumber) and inbound matching (Apex WebexPhoneNumbers) must read every
 * phone number alike, so each holds the same numbering plans and is tested with the same vectors:
 * - `NUMBERING_PLANS` in webexPhoneNumberPlans.ts and `PLAN_ROWS` in WebexPhoneNumberPlans.cls list the
 *   same countries with the same calling code, trunk prefix, lengths, international prefix, Italian
 *   zero, first digits and area codes;
 * - the vectors of WebexPhoneNumbers_Test.cls are the Jest fixtures of lwc/webexPhoneNumber
 *   (every ASCII one; the Apex test builds its Unicode cases from code points).
 * Run by the gate's node tests; fails on any drift and names it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
    NUMBERING_PLANS,
    type NumberingPlan
} from '../../force-app/main/default/lwc/webexPhoneNumber/webexPhoneNumberPlans.ts';
import { DEFAULT_DIR } from '../lib/project.ts';

const CALLING = path.join(DEFAULT_DIR, 'classes', 'calling');
const APEX_PLANS = path.join(CALLING, 'WebexPhoneNumberPlans.cls');
const APEX_TEST = path.join(CALLING, 'WebexPhoneNumbers_Test.cls');
const FIXTURES = path.join(DEFAULT_DIR, 'lwc', 'webexPhoneNumber', '__tests__', 'data');

type Row = Omit<NumberingPlan, 'leadingDigits'> & { leadingDigits: string[] };

/** The string literals of `List<String> NAME = new List<String>{ ... };` in Apex source. */
export function apexStringList(source: string, name: string): string[] {
    const start = new RegExp(`\\b${name}\\s*=\\s*new\\s+List<String>\\s*\\{`).exec(source);
    if (!start) throw new Error(`no List<String> ${name} in the Apex source`);
    const from = start.index + start[0].length;
    const end = source.indexOf('};', from);
    const body = source.slice(from, end);
    return [...body.matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\(.)/g, '$1'));
}

/** `PLAN_ROWS` of the Apex class, read as the class reads them. */
export function apexPlans(source: string): Record<string, Row> {
    const plans: Record<string, Row> = {};
    for (const row of apexStringList(source, 'PLAN_ROWS')) {
        const cells = row.split('|').map((cell) => cell.trim());
        assert.equal(cells.length, 8, `a plan row has 8 columns: ${row}`);
        const [country, callingCode, trunkPrefix, lengths, internationalPrefix, zero, firstDigits, leading] = cells;
        const [minLength, maxLength] = lengths.split('-').map(Number);
        assert.ok(!(country in plans), `${country} is listed twice in PLAN_ROWS`);
        plans[country] = {
            callingCode,
            trunkPrefix,
            minLength,
            maxLength,
            internationalPrefix,
            zeroIsPartOfNumber: zero === 'Y',
            firstDigits,
            leadingDigits: leading ? leading.split(',') : []
        };
    }
    return plans;
}

/** Every difference between the TypeScript plans and the Apex rows, one line each. */
export function planDrift(typescript: Readonly<Record<string, NumberingPlan>>, apex: Record<string, Row>): string[] {
    const drift: string[] = [];
    for (const country of new Set([...Object.keys(typescript), ...Object.keys(apex)])) {
        const ts = typescript[country];
        const cls = apex[country];
        if (!ts || !cls) {
            drift.push(`${country}: only in ${ts ? 'webexPhoneNumberPlans.ts' : 'WebexPhoneNumberPlans.cls'}`);
            continue;
        }
        for (const key of Object.keys(ts) as Array<keyof NumberingPlan>) {
            const a = JSON.stringify(ts[key]);
            const b = JSON.stringify(cls[key]);
            if (a !== b) drift.push(`${country}.${key}: TypeScript ${a}, Apex ${b}`);
        }
    }
    return drift;
}

interface Fixture {
    raw: string;
    defaultCountry: string | null;
    e164?: string;
    extension?: string | null;
    country?: string | null;
    problem?: string;
}

const fixture = (name: string): Fixture[] =>
    JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as Fixture[];
const ascii = (value: string): boolean => [...value].every((c) => c.charCodeAt(0) < 128);
const cell = (value: string | null | undefined): string => value ?? '';

/** A vector as WebexPhoneNumbers_Test.cls writes it: `raw | default country | E.164 | extension | country`. */
function validVector(f: Fixture): string {
    return [f.raw, cell(f.defaultCountry), cell(f.e164), cell(f.extension), cell(f.country)].join(' | ');
}

function problemVector(f: Fixture): string {
    return [f.raw, cell(f.defaultCountry), cell(f.problem)].join(' | ');
}

/** Vectors compared cell by cell, as the Apex test trims them. */
function normalizeVector(vector: string): string {
    return vector
        .split('|')
        .map((part) => part.trim())
        .join(' | ');
}

function vectorDrift(name: string, expected: string[], actual: string[]): string[] {
    const want = new Set(expected.map(normalizeVector));
    const have = new Set(actual.map(normalizeVector));
    return [
        ...[...want].filter((v) => !have.has(v)).map((v) => `${name} lacks the fixture "${v}"`),
        ...[...have].filter((v) => !want.has(v)).map((v) => `${name} has "${v}", which no fixture has`)
    ];
}

describe('phone numbering plans: TypeScript and Apex agree', () => {
    const apexSource = readFileSync(APEX_PLANS, 'utf8');

    it('WebexPhoneNumberPlans.cls holds the plans of webexPhoneNumberPlans.ts', () => {
        const drift = planDrift(NUMBERING_PLANS, apexPlans(apexSource));
        assert.deepEqual(drift, [], `the two copies of the numbering plans differ:\n${drift.join('\n')}`);
        assert.ok(Object.keys(NUMBERING_PLANS).length >= 30, 'the plans cover North America and Europe');
    });

    it('would notice a changed, a missing and an extra country', () => {
        const changed = apexSource.replace(/'FR \| 33\s*\| 0\s*\| 9-9/, "'FR | 33 |    | 9-9");
        assert.deepEqual(planDrift(NUMBERING_PLANS, apexPlans(changed)), ['FR.trunkPrefix: TypeScript "0", Apex ""']);
        const plans = apexPlans(apexSource);
        delete plans.NO;
        plans.ZZ = { ...plans.FR };
        assert.deepEqual(planDrift(NUMBERING_PLANS, plans), [
            'NO: only in webexPhoneNumberPlans.ts',
            'ZZ: only in WebexPhoneNumberPlans.cls'
        ]);
        assert.throws(() => apexStringList('class X {}', 'PLAN_ROWS'), /no List<String> PLAN_ROWS/);
    });
});

describe('phone number vectors: the Apex test uses the Jest fixtures', () => {
    const apexTest = readFileSync(APEX_TEST, 'utf8');
    const cases: Array<[string, string[], string[]]> = [
        ['SAMPLE_VECTORS', fixture('samplePhoneNumbers').map(validVector), apexStringList(apexTest, 'SAMPLE_VECTORS')],
        [
            'FORMAT_VECTORS',
            fixture('moreFormats')
                .filter((f) => ascii(f.raw))
                .map(validVector),
            apexStringList(apexTest, 'FORMAT_VECTORS')
        ],
        [
            'PROBLEM_VECTORS',
            fixture('hostilePhoneNumbers').map(problemVector),
            apexStringList(apexTest, 'PROBLEM_VECTORS')
        ]
    ];

    for (const [name, expected, actual] of cases) {
        it(`${name} of WebexPhoneNumbers_Test.cls matches the fixtures`, () => {
            const drift = vectorDrift(name, expected, actual);
            assert.deepEqual(drift, [], drift.join('\n'));
            assert.ok(actual.length > 0, `${name} has vectors`);
        });
    }

    it('would notice a vector that differs from its fixture', () => {
        const expected = fixture('samplePhoneNumbers').map(validVector);
        const changed = [...expected.slice(1), expected[0].replace('+13122961607', '+13122961608')];
        assert.equal(vectorDrift('SAMPLE_VECTORS', expected, changed).length, 2);
    });
});
