import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IdGenerator, idChecksum, idsEqual, isValidId, normalizeId, tryNormalizeId } from '../../src/data/ids.ts';

test('18-character Id appends one checksum character per 5-character chunk, from the capital letters (SOAP API Developer Guide › Field Types › ID)', () => {
    assert.equal(idChecksum('0015000000Gv7qJ'), 'AAR');
    assert.equal(normalizeId('0015000000Gv7qJ'), '0015000000Gv7qJAAR');
    assert.equal(idChecksum('00500000000000A'), 'AAQ');
});

test('An 18-character Id is accepted with its suffix in any case, the suffix being case-insensitive (SOAP API Developer Guide › Field Types › ID)', () => {
    assert.equal(normalizeId('0015000000Gv7qJaar'), '0015000000Gv7qJAAR');
});

test('Id.valueOf of a malformed id throws StringException "Invalid id: x" (Apex Reference Guide › Id Class › valueOf)', () => {
    for (const bad of ['', 'abc', '0015000000Gv7q', '0015000000Gv7qJAAB', '0015000000Gv7q!', '0015000000Gv7qJAARX']) {
        assert.throws(
            () => normalizeId(bad),
            (e: Error & { apexType?: string }) =>
                e.apexType === 'System.StringException' && e.message === `Invalid id: ${bad}`
        );
        assert.equal(isValidId(bad), false);
        assert.equal(tryNormalizeId(bad), undefined);
    }
});

test('The 15- and 18-character forms of one Id compare equal (Apex Developer Guide › Primitive Data Types › ID)', () => {
    assert.ok(idsEqual('0015000000Gv7qJ', '0015000000Gv7qJAAR'));
    assert.ok(!idsEqual('0015000000Gv7qJ', '0015000000Gv7qj'));
});

test('Generated Ids start with the object key prefix and are deterministic per prefix (first 3 characters name the object: SOAP API Developer Guide › Field Types › ID)', () => {
    const g1 = new IdGenerator();
    const g2 = new IdGenerator();
    const a = [g1.next('003'), g1.next('003'), g1.next('001')];
    const b = [g2.next('003'), g2.next('003'), g2.next('001')];
    assert.deepEqual(a, b);
    assert.ok(a.every((id) => id.length === 18 && isValidId(id)));
    assert.ok(a[0].startsWith('003') && a[2].startsWith('001'));
    assert.notEqual(a[0], a[1]);
});
