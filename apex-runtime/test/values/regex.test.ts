import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JavaPattern, translateJavaRegex } from '../../src/values/java-regex.ts';
import { ApexRuntimeSignal } from '../../src/values/signal.ts';
import { UnsupportedApexError } from '../../src/errors.ts';

test('Pattern.matches requires the whole input to match (Apex Reference Guide › Pattern Class › matches)', () => {
    assert.ok(JavaPattern.matches('[0-9a-fA-F]{40}', 'a'.repeat(40)));
    assert.ok(!JavaPattern.matches('[0-9]{2,10}', '12a'));
    assert.ok(JavaPattern.matches('005[0-9A-Za-z]{12}([0-9A-Za-z]{3})?', '005000000000001AAA'));
    assert.ok(JavaPattern.matches('[a-zA-Z0-9]{15}|[a-zA-Z0-9]{18}', 'a'.repeat(18)));
    assert.ok(!JavaPattern.matches('[a-zA-Z0-9]{15}|[a-zA-Z0-9]{18}', 'a'.repeat(16)));
});

test('Matcher.find, group, start, end, groupCount (Apex Reference Guide › Matcher Class)', () => {
    const m = JavaPattern.compile('WX-([0-9A-F]{8})').matcher('err WX-0000ABCD and WX-11112222');
    assert.equal(m.groupCount(), 1);
    assert.ok(m.find());
    assert.equal(m.group(), 'WX-0000ABCD');
    assert.equal(m.group(1), '0000ABCD');
    assert.equal(m.start(), 4);
    assert.equal(m.end(), 15);
    assert.ok(m.find());
    assert.equal(m.group(1), '11112222');
    assert.ok(!m.find());
    assert.throws(
        () => m.group(),
        (e: unknown) => e instanceof ApexRuntimeSignal
    );
});

test('A group that did not participate is null and start is -1 (Apex Reference Guide › Matcher Class › group(groupIndex))', () => {
    const m = JavaPattern.compile('a(b)?').matcher('a');
    assert.ok(m.matches());
    assert.equal(m.group(1), null);
    assert.equal(m.start(1), -1);
});

test('Named groups (?<name>…) and group(name) (Apex Reference Guide › Matcher Class › group(groupName))', () => {
    const m = JavaPattern.compile('(?<user>\\w+)@(?<host>\\w+)').matcher('me@host');
    assert.ok(m.lookingAt());
    assert.equal(m.group('host'), 'host');
});

test('Inline flags (?i) at the start apply to the pattern (java.util.regex.Pattern › CASE_INSENSITIVE, as the Pattern Class documents)', () => {
    const p = JavaPattern.compile('(?i)sips?:[^\\s@<>"]+@[^\\s@<>"]+');
    assert.ok(p.matcher('call SIP:alice@example.com now').find());
});

test('Java $ also matches before a final line terminator, \\s is ASCII whitespace only (java.util.regex.Pattern, which Apex regex uses)', () => {
    assert.ok(JavaPattern.compile('abc$').matcher('abc\n').find());
    assert.ok(!JavaPattern.matches('abc$', 'abc\n'));
    assert.ok(!JavaPattern.matches('\\s', '\u00a0'));
    assert.ok(JavaPattern.matches('^[A-Za-z0-9+*#@._:\\-]+$', 'a-b.c@d'));
    assert.ok(JavaPattern.matches('^\\+?[0-9 ()./-]*$', '+1 (555) 010-0100'));
    assert.ok(JavaPattern.matches('<([^>]+)>\\s*', '<x> '));
});

test('\\Q…\\E and Pattern.quote match literally (Apex Reference Guide › Pattern Class › quote)', () => {
    assert.equal(JavaPattern.quote('a.b'), '\\Qa.b\\E');
    assert.ok(JavaPattern.matches(JavaPattern.quote('a.b*'), 'a.b*'));
    assert.ok(!JavaPattern.matches(JavaPattern.quote('a.b'), 'axb'));
    assert.ok(JavaPattern.matches(JavaPattern.quote('x\\Ey'), 'x\\Ey'));
});

test('POSIX and Unicode property classes: \\p{Alpha} is ASCII, \\p{L} any letter (java.util.regex.Pattern › POSIX character classes)', () => {
    assert.ok(JavaPattern.matches('\\p{Alpha}+', 'abc'));
    assert.ok(!JavaPattern.matches('\\p{Alpha}+', 'é'));
    assert.ok(JavaPattern.matches('\\p{L}+', 'é'));
    assert.ok(JavaPattern.matches('[\\p{Punct}]', '!'));
});

test('Constructs without a faithful JS equivalent are refused (never a silent wrong answer)', () => {
    for (const p of ['a++', 'a*+', '(?>a)', '[a-z&&[^e]]', 'a(?i)b', '\\G', '\\h']) {
        assert.throws(() => translateJavaRegex(p), UnsupportedApexError, p);
    }
});

test('An invalid pattern throws System.StringException: Invalid regex (behaviour observed in orgs; Pattern Class does not document it)', () => {
    assert.throws(
        () => JavaPattern.compile('[abc'),
        (e: unknown) =>
            e instanceof ApexRuntimeSignal &&
            e.apexType === 'System.StringException' &&
            e.message.startsWith('Invalid regex')
    );
});

test('Matcher.replaceAll / replaceFirst expand $n and ${name}; reset restarts (Apex Reference Guide › Matcher Class › replaceAll, reset)', () => {
    const m = JavaPattern.compile('(\\d+)-(?<b>\\d+)').matcher('1-2 3-4');
    assert.equal(m.replaceAll('${b}:$1'), '2:1 4:3');
    assert.equal(m.replaceFirst('x'), 'x 3-4');
    m.reset('9-8');
    assert.ok(m.find());
    assert.equal(m.group(2), '8');
});

test('find after an empty match advances by one character (java.util.regex.Matcher.find)', () => {
    const m = JavaPattern.compile('a*').matcher('baa');
    const found: string[] = [];
    while (m.find()) found.push(`${m.start()}:${m.group()}`);
    assert.deepEqual(found, ['0:', '1:aa', '3:']);
});

test('Pattern.split follows String.split (Apex Reference Guide › Pattern Class › split)', () => {
    assert.deepEqual(JavaPattern.compile('\\s*,\\s*').split('a , b,c,,'), ['a', 'b', 'c']);
    assert.deepEqual(JavaPattern.compile(',').split(',a'), ['', 'a']);
});
