import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { cachedTree, ParseCache } from '../../src/syntax/parse-cache.ts';
import { parseApexFile } from '../../src/syntax/parse.ts';
import { ApexSyntaxError } from '../../src/syntax/syntax-error.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'apex-syntax-cache-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const SOURCE = 'public class A { Integer x = 1; }';

test('a cached tree equals a fresh parse, read back from disk by a new cache (DESIGN.md: syntax trees cached by content hash)', () => {
    const first = new ParseCache({ dir }).parse('A.cls', SOURCE);
    assert.deepEqual(first, parseApexFile('A.cls', SOURCE));
    const entries = readdirSync(path.join(dir, 'syntax'));
    assert.equal(entries.length, 1);
    const second = new ParseCache({ dir }).parse('A.cls', SOURCE);
    assert.deepEqual(second, first);
});

test('equal texts under another file name share the entry but keep their own name (DESIGN.md: keyed by content)', () => {
    const unit = new ParseCache({ dir }).parse('Copy.cls', SOURCE);
    assert.equal(unit.file, 'Copy.cls');
    assert.equal(readdirSync(path.join(dir, 'syntax')).length, 1);
});

test('a damaged entry is parsed again, not trusted (DESIGN.md: the cache only saves time)', () => {
    const [entry] = readdirSync(path.join(dir, 'syntax'));
    writeFileSync(path.join(dir, 'syntax', entry), '{ not json');
    assert.deepEqual(new ParseCache({ dir }).parse('A.cls', SOURCE), parseApexFile('A.cls', SOURCE));
});

test('syntax errors are not cached: each parse throws again (DESIGN.md: errors name their source position)', () => {
    const cache = new ParseCache({ dir });
    assert.throws(() => cache.parse('B.cls', 'public class B {'), ApexSyntaxError);
    assert.throws(() => cache.parse('B.cls', 'public class B {'), ApexSyntaxError);
});

test('a reader’s tree (SOQL, SOSL, binds) is built once and read back from disk; a build that throws is not cached (DESIGN.md: the cache only saves time)', () => {
    const reader = new URL('../../src/data/soql/parse.ts', import.meta.url).href;
    let builds = 0;
    const build = () => (builds++, { kind: 'tree', text: 'SELECT Id FROM Contact' });
    const first = cachedTree('soql', [reader], 'SELECT Id FROM Contact', build, { dir });
    const second = cachedTree('soql', [reader], 'SELECT Id FROM Contact', build, { dir });
    assert.deepEqual(second, first);
    assert.equal(builds, 1);
    assert.equal(readdirSync(path.join(dir, 'soql')).length, 1);
    const failing = () => {
        throw new Error('syntax');
    };
    assert.throws(() => cachedTree('soql', [reader], 'SELECT FROM', failing, { dir }), /syntax/);
    assert.equal(readdirSync(path.join(dir, 'soql')).length, 1);
});
