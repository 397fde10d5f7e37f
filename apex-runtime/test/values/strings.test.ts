import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as S from '../../src/values/string-methods.ts';
import { formatMessage, formatValues } from '../../src/values/format.ts';
import { Decimal } from '../../src/values/decimal.ts';
import { ApexDouble } from '../../src/values/double.ts';
import { ApexDatetime } from '../../src/values/temporal.ts';
import { ApexRuntimeSignal } from '../../src/values/signal.ts';
import { UnsupportedApexError } from '../../src/errors.ts';

const isSignal = (apexType: string) => (e: unknown) => e instanceof ApexRuntimeSignal && e.apexType === apexType;

test('isBlank / isEmpty / isNotBlank treat null, empty and whitespace (Apex Reference Guide › String Class › isBlank, isEmpty)', () => {
    assert.ok(S.isBlank(null) && S.isBlank('') && S.isBlank(' \t\n'));
    assert.ok(!S.isBlank(' a '));
    assert.ok(S.isEmpty(null) && S.isEmpty('') && !S.isEmpty(' '));
    assert.ok(S.isNotBlank('x') && !S.isNotBlank('  '));
});

test('trim removes leading and trailing characters up to U+0020, control characters included (Apex Reference Guide › String Class › trim)', () => {
    assert.equal(S.trim('\t a b \n'), 'a b');
    assert.equal(S.trim('\u00a0x\u00a0'), '\u00a0x\u00a0');
});

test('normalizeSpace and deleteWhitespace (Apex Reference Guide › String Class › normalizeSpace, deleteWhitespace)', () => {
    assert.equal(S.normalizeSpace('  a \t b\n\nc  '), 'a b c');
    assert.equal(S.deleteWhitespace(' a b\tc '), 'abc');
});

test('abbreviate keeps maxWidth characters with an ellipsis (Apex Reference Guide › String Class › abbreviate: "Hello World".abbreviate(8) = "Hello...")', () => {
    assert.equal(S.abbreviate('Hello World', 8), 'Hello...');
    assert.equal(S.abbreviate('Hello', 8), 'Hello');
    // The result is never longer than maxWidth ("...fghi..." is 10 characters).
    assert.equal(S.abbreviate('abcdefghijklmno', 10, 5), '...fghi...');
    assert.throws(() => S.abbreviate('Hello World', 3), isSignal('System.StringException'));
});

test('capitalize, uncapitalize, swapCase, center, leftPad, rightPad, repeat (Apex Reference Guide › String Class)', () => {
    assert.equal(S.capitalize('hello'), 'Hello');
    assert.equal(S.uncapitalize('Hello'), 'hello');
    assert.equal(S.swapCase('Hello'), 'hELLO');
    assert.equal(S.center('ab', 6), '  ab  ');
    assert.equal(S.center('ab', 5, 'xy'), 'xabxy');
    assert.equal(S.leftPad('5', 3, '0'), '005');
    assert.equal(S.rightPad('ab', 5), 'ab   ');
    assert.equal(S.leftPad('abcd', 2), 'abcd');
    assert.equal(S.repeat('ab', 3), 'ababab');
    assert.equal(S.repeat('ab', 3, '-'), 'ab-ab-ab');
});

test('left, right, mid never throw on short strings (Apex Reference Guide › String Class › left, right, mid)', () => {
    assert.equal(S.left('abc', 5), 'abc');
    assert.equal(S.left('abc', -1), '');
    assert.equal(S.right('abc', 2), 'bc');
    assert.equal(S.mid('abcdef', 2, 3), 'cde');
    assert.equal(S.mid('abc', -2, 2), 'ab');
});

test('substring throws System.StringException out of range (Apex Reference Guide › String Class › substring)', () => {
    assert.equal(S.substring('hamburger', 4, 8), 'urge');
    assert.equal(S.substring('hamburger', 4), 'urger');
    assert.throws(() => S.substring('abc', 0, 4), isSignal('System.StringException'));
    assert.throws(() => S.substring('abc', -1), isSignal('System.StringException'));
});

test('substringBefore/After/Between (Apex Reference Guide › String Class › substringAfter, substringBefore, substringBetween)', () => {
    assert.equal(S.substringAfter('key=val=x', '='), 'val=x');
    assert.equal(S.substringAfter('key', '='), '');
    assert.equal(S.substringAfterLast('a.b.c', '.'), 'c');
    assert.equal(S.substringBefore('key=val', '='), 'key');
    assert.equal(S.substringBefore('key', '='), 'key');
    assert.equal(S.substringBeforeLast('a.b.c', '.'), 'a.b');
    assert.equal(S.substringBetween('tagYellowtag', 'tag'), 'Yellow');
    assert.equal(S.substringBetween('xyz', '['), null);
});

test('contains, containsIgnoreCase, countMatches, indexOf(IgnoreCase), endsWith/startsWith(IgnoreCase) (Apex Reference Guide › String Class)', () => {
    assert.ok(S.contains('Hello', 'ell'));
    assert.ok(!S.contains('Hello', 'ELL'));
    assert.ok(S.containsIgnoreCase('Hello', 'ELL'));
    assert.equal(S.countMatches('Hello Jane Hello', 'Hello'), 2);
    assert.equal(S.countMatches('aaa', 'aa'), 1);
    assert.equal(S.indexOf('abcabc', 'c', 3), 5);
    assert.equal(S.indexOfIgnoreCase('abcABC', 'B', 2), 4);
    assert.equal(S.lastIndexOf('abcabc', 'b'), 4);
    assert.ok(S.endsWithIgnoreCase('Hello.CLS', '.cls'));
    assert.ok(S.startsWith('Hello', 'He'));
    assert.throws(() => S.contains('a', null), isSignal('System.NullPointerException'));
});

test('equals is case-sensitive, equalsIgnoreCase is not (Apex Reference Guide › String Class › equals, equalsIgnoreCase)', () => {
    assert.ok(S.equalsIgnoreCase('Hello', 'hELLO'));
    assert.ok(!S.equalsIgnoreCase('Hello', null));
});

test('isNumeric, isAlpha, isAlphanumeric, isAlphaSpace, isWhitespace: empty is not numeric/alpha (Apex Reference Guide › String Class)', () => {
    assert.ok(S.isNumeric('0123') && !S.isNumeric('') && !S.isNumeric('1.5') && !S.isNumeric('-1'));
    assert.ok(S.isAlpha('abcÉ') && !S.isAlpha('ab1') && !S.isAlpha(''));
    assert.ok(S.isAlphanumeric('ab1') && !S.isAlphanumeric('a b'));
    assert.ok(S.isAlphaSpace('a b') && S.isAlphaSpace(''));
    assert.ok(S.isWhitespace(' \t') && S.isWhitespace(''));
});

test('remove, removeStart, removeEnd(IgnoreCase), replace literal, reverse (Apex Reference Guide › String Class)', () => {
    assert.equal(S.remove('Salesforce and force.com', 'force'), 'Sales and .com');
    assert.equal(S.removeStart('SFDC Salesforce', 'SFDC '), 'Salesforce');
    assert.equal(S.removeEnd('Salesforce.com', '.com'), 'Salesforce');
    assert.equal(S.removeEndIgnoreCase('Salesforce.COM', '.com'), 'Salesforce');
    assert.equal(S.replace('a.b.c', '.', '-'), 'a-b-c');
    assert.equal(S.reverse('abc'), 'cba');
});

test('split uses Java regex; trailing empty strings are removed, limit applies (Apex Reference Guide › String Class › split; java.lang.String.split)', () => {
    assert.deepEqual(S.split('boo:and:foo', ':'), ['boo', 'and', 'foo']);
    assert.deepEqual(S.split('boo:and:foo', 'o'), ['b', '', ':and:f']);
    assert.deepEqual(S.split('boo:and:foo', ':', 2), ['boo', 'and:foo']);
    assert.deepEqual(S.split('boo:and:foo', 'o', -2), ['b', '', ':and:f', '', '']);
    assert.deepEqual(S.split('a.b', '.'), []);
    assert.deepEqual(S.split('a.b', '\\.'), ['a', 'b']);
    assert.deepEqual(S.split('', ','), ['']);
    assert.deepEqual(S.split('abc', ''), ['a', 'b', 'c']);
    assert.deepEqual(S.split('Red;Green', ';'), ['Red', 'Green']);
});

test('replaceAll and replaceFirst use Java regex with $n group references (Apex Reference Guide › String Class › replaceAll, replaceFirst)', () => {
    assert.equal(S.replaceAll('a1b22c', '[0-9]+', '#'), 'a#b#c');
    assert.equal(S.replaceAll('John Smith', '(\\w+) (\\w+)', '$2, $1'), 'Smith, John');
    assert.equal(S.replaceAll('a.b', '\\.', '\\$'), 'a$b');
    assert.equal(S.replaceFirst('aaa', 'a', 'b'), 'baa');
    assert.throws(() => S.replaceAll('abc', 'b', '$'), isSignal('System.StringException'));
});

test('splitByCharacterType groups runs of one character type (Apex Reference Guide › String Class › splitByCharacterType: "Lightning.Platform" → [L, ightning, ., P, latform])', () => {
    assert.deepEqual(S.splitByCharacterType('Lightning.Platform'), ['L', 'ightning', '.', 'P', 'latform']);
    assert.deepEqual(S.splitByCharacterType('ab12CD'), ['ab', '12', 'CD']);
    assert.deepEqual(S.splitByCharacterType('fooBarBAZ', true), ['foo', 'Bar', 'BAZ']);
});

test('escapeSingleQuotes puts a backslash before each single quote (Apex Reference Guide › String Class › escapeSingleQuotes)', () => {
    assert.equal(S.escapeSingleQuotes("O'Brien"), "O\\'Brien");
});

test('escapeHtml4/escapeXml/escapeJava/escapeEcmaScript/escapeCsv and unescapes (Apex Reference Guide › String Class › escape*, unescape*)', () => {
    assert.equal(S.escapeHtml4('"<Black&White>"'), '&quot;&lt;Black&amp;White&gt;&quot;');
    assert.equal(S.escapeHtml4('café €'), 'caf&eacute; &euro;');
    assert.equal(S.escapeHtml3('€'), '€');
    assert.equal(S.unescapeHtml4('&quot;&lt;Black&amp;White&gt;&quot; &eacute;&#39;&#x41;'), '"<Black&White>" é\'A');
    assert.equal(S.escapeXml(`"<a & 'b'>"`), '&quot;&lt;a &amp; &apos;b&apos;&gt;&quot;');
    assert.equal(S.unescapeXml('&lt;a&gt;'), '<a>');
    assert.equal(S.escapeJava('Company "Acme"\n'), 'Company \\"Acme\\"\\n');
    assert.equal(S.escapeJava('é'), '\\u00E9');
    assert.equal(S.escapeEcmaScript(`"grade": 3.9/4.0`), '\\"grade\\": 3.9\\/4.0');
    assert.equal(S.unescapeJava('Company \\"Acme\\"\\u00e9'), 'Company "Acme"é');
    assert.equal(S.escapeCsv('Max1, "Max2"'), '"Max1, ""Max2"""');
    assert.equal(S.unescapeCsv('"Max1, ""Max2"""'), 'Max1, "Max2"');
});

test('compareTo is lexicographic by UTF-16 units, hashCode is Java String.hashCode (Apex Reference Guide › String Class › compareTo, hashCode)', () => {
    assert.ok(S.compareTo('apple', 'banana') < 0);
    assert.ok(S.compareTo('B', 'a') < 0);
    assert.equal(S.compareTo('ab', 'abc'), -1);
    assert.equal(S.hashCode('hello'), 99162322);
    assert.equal(S.hashCode(''), 0);
});

test('charAt, codePointAt, getChars and fromCharArray work on UTF-16 units (Apex Reference Guide › String Class › charAt, getChars, fromCharArray)', () => {
    assert.equal(S.charAt('Abc', 0), 65);
    assert.deepEqual(S.getChars('Ab'), [65, 98]);
    assert.equal(S.fromCharArray([72, 105]), 'Hi');
    assert.equal(S.codePointAt('😀', 0), 0x1f600);
    assert.throws(() => S.charAt('a', 1), isSignal('System.StringException'));
});

test('toLowerCase/toUpperCase with a locale apply its rules (Apex Reference Guide › String Class › toLowerCase(locale))', () => {
    assert.equal(S.toUpperCase('title', 'tr_TR'), 'TİTLE');
    assert.equal(S.toLowerCase('ABC'), 'abc');
});

test("String.format substitutes {n} as MessageFormat; '' is a quote and quoted text is literal (Apex Reference Guide › String Class › format)", () => {
    assert.equal(formatMessage('{0} of {1}', ['3', '10']), '3 of 10');
    assert.equal(formatMessage("it''s {0}", ['x']), "it's x");
    assert.equal(formatMessage("'{0}' {0}", ['x']), '{0} x');
    assert.equal(formatMessage('{1}', ['a']), '{1}');
    assert.equal(formatMessage('{0}', [null]), 'null');
    assert.throws(() => formatMessage('{0', ['a']), isSignal('System.StringException'));
    assert.throws(() => formatMessage('{0,number,#}', ['1']), UnsupportedApexError);
});

test('getLevenshteinDistance counts edits (Apex Reference Guide › String Class › getLevenshteinDistance)', () => {
    assert.equal(S.getLevenshteinDistance('kitten', 'sitting'), 3);
    assert.equal(S.getLevenshteinDistance('kitten', 'sitting', 2), -1);
    assert.equal(S.offsetByCodePoints('a😀b', 0, 2), 3);
});

test('String.format renders arguments as String.valueOf does: Decimal text, Double as Java prints it, Datetime in the user time zone (Apex Reference Guide › String Class › format)', () => {
    const tz = 'America/Los_Angeles';
    const out = formatValues(
        '{0} {1} {2} {3} {4}',
        [Decimal.parse('1.50'), new ApexDouble(2), 1000, new ApexDatetime(Date.UTC(2024, 0, 1, 12)), { x: 1 }],
        tz,
        () => 'obj'
    );
    assert.equal(out, '1.50 2.0 1000 2024-01-01 04:00:00 obj');
});
