/**
 * The WebexSdk bundle's own parts: the LWS lint's bookkeeping (findings by rule and message, the accepted list)
 * and the `jsonwebtoken` stand-in the browser bundle gets.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import type { Linter } from 'eslint';
import { compare, kinds, normalise } from './lws-lint.ts';

const require = createRequire(import.meta.url);
const jwt = require('./shims/jsonwebtoken.cjs') as { decode: (token: unknown) => Record<string, unknown> | null };

const finding = (ruleId: string, message: string) => ({ ruleId, message }) as Linter.LintMessage;

describe('the WebexSdk LWS lint', () => {
    it('counts findings by rule and message, without the minifier’s names', () => {
        assert.equal(normalise('The t.src setter is distorted'), 'The <object>.src setter is distorted');
        assert.deepEqual(
            kinds([finding('r', 'The t.src setter'), finding('r', 'The f.src setter'), finding('s', 'x')]),
            [
                { rule: 'r', message: 'The <object>.src setter', count: 2 },
                { rule: 's', message: 'x', count: 1 }
            ]
        );
    });

    it('fails on a kind not accepted or on more than accepted, and notes fewer', () => {
        const accepted = [
            { rule: 'r', message: 'm', count: 2, where: 'w', why: 'y' },
            { rule: 's', message: 'n', count: 3, where: 'w', why: 'y' }
        ];
        const found = [
            { rule: 'r', message: 'm', count: 3 },
            { rule: 's', message: 'n', count: 1 },
            { rule: 't', message: 'new', count: 1 }
        ];
        const { unaccepted, fewer } = compare(found, accepted);
        assert.deepEqual(
            unaccepted.map((f) => f.rule),
            ['r', 't']
        );
        assert.deepEqual(
            fewer.map((f) => [f.rule, f.count]),
            [['s', 1]]
        );
        assert.deepEqual(compare(accepted, accepted), { unaccepted: [], fewer: [] });
    });
});

describe('the jsonwebtoken stand-in', () => {
    it('decodes a JWT’s payload (the SDK reads the org from `realm`), and nothing else', () => {
        const payload = Buffer.from(JSON.stringify({ realm: 'org-1', name: 'Camille Vente é' })).toString('base64url');
        assert.deepEqual(jwt.decode(`e30.${payload}.sig`), { realm: 'org-1', name: 'Camille Vente é' });
        assert.equal(jwt.decode('NmY0_PF84_org'), null);
        assert.equal(jwt.decode('a.!!!.c'), null);
        assert.equal(jwt.decode(undefined), null);
    });
});
