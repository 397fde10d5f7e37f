/**
 * Bugs in the package's Apex that only running it shows (issue 12, item 4): each is planted in a copy and
 * must make one of the package's own Apex tests fail in `apex-runtime/` (`scripts/checks/apex-tests.ts`,
 * narrowed to the test classes concerned, for speed). `expect` names the failing test and why it fails,
 * so a test that fails for another reason (a construct the runtime refuses) does not count as caught.
 *
 * Part of every self-test run (about 20 s); `tsx scripts/checks/gate-self-test.ts "apex runtime"` runs them alone.
 */
import { tsx, type Fault } from './fault.ts';

const CLASSES = 'force-app/main/default/classes';

/** The Apex tests of these classes, through the gate's step. */
const apexTests = (...classes: string[]): string[] =>
    tsx('scripts/checks/apex-tests.ts', '--no-coverage', ...classes.flatMap((c) => ['--class', c]));

/** A failed test method of `testClass` whose message starts with `message` (the line after its FAIL line). */
const failedWith = (testClass: string, message: string): RegExp =>
    new RegExp(`FAIL ${testClass}\\.\\w+ [^\\n]*\\n\\s+${message}`);

/** A pattern that matches only text every one of `patterns` matches (in any order). */
const allOf = (...patterns: RegExp[]): RegExp => new RegExp(patterns.map((p) => `(?=[\\s\\S]*${p.source})`).join(''));

export const FAULTS: Fault[] = [
    {
        // A number of exactly the plan's longest length (every US number: 10 digits, min = max) is refused.
        name: 'apex runtime: an off-by-one in the phone-number rules (WebexPhoneNumbers)',
        edits: [
            {
                file: `${CLASSES}/calling/WebexPhoneNumbers.cls`,
                find: 'if (nationalNumber.length() > rules.maxLength) {',
                replace: 'if (nationalNumber.length() >= rules.maxLength) {'
            }
        ],
        check: apexTests('WebexPhoneNumbers_Test'),
        expect: failedWith('WebexPhoneNumbers_Test', 'System\\.AssertException')
    },
    {
        // Only callers whose number cannot be read are searched: a valid caller never matches.
        name: 'apex runtime: a swapped condition in the caller matcher (WebexCallerMatcher)',
        edits: [
            {
                file: `${CLASSES}/calling/WebexCallerMatcher.cls`,
                find: 'if (!reading.isValid()) {',
                replace: 'if (reading.isValid()) {'
            }
        ],
        check: apexTests('WebexCallerMatcher_Test'),
        expect: failedWith('WebexCallerMatcher_Test', 'System\\.AssertException')
    },
    {
        // The failure log read in system mode: a rep without access to the object reads every failure.
        name: 'apex runtime: USER_MODE turned into SYSTEM_MODE in a query (WebexErrorLog.recent)',
        edits: [
            {
                file: `${CLASSES}/shared/WebexErrorLog.cls`,
                find: /(FROM WebexErrorLog__c\s+)WITH USER_MODE(\s+ORDER BY CreatedDate DESC)/,
                replace: '$1WITH SYSTEM_MODE$2'
            }
        ],
        check: apexTests('WebexErrorLog_Test'),
        expect: failedWith('WebexErrorLog_Test', 'System\\.AssertException: Assertion Failed: a rep reads nothing')
    },
    {
        // The comparison is computed and ignored: any well-formed signature passes.
        name: 'apex runtime: the webhook signature check accepts any signature (WebexWebhookSignature)',
        edits: [
            {
                file: `${CLASSES}/webhooks/WebexWebhookSignature.cls`,
                find: 'return constantTimeEquals(sign(body, secret), signature.toLowerCase());',
                replace: 'constantTimeEquals(sign(body, secret), signature.toLowerCase());\n        return true;'
            }
        ],
        check: apexTests('WebexWebhookSignature_Test', 'WebexWebhookResource_Test'),
        expect: failedWith('WebexWebhookSignature_Test', 'System\\.AssertException')
    },
    {
        // One query per digest through a helper: 200 call events are 200 queries, past the limit of 100.
        name: 'apex runtime: a SOQL query in a loop over 200 records through a helper (WebexWebhookReceiptStore)',
        edits: [
            {
                file: `${CLASSES}/webhooks/WebexWebhookReceiptStore.cls`,
                find: /for \(WebexWebhookReceipt__c receipt : \[\s+SELECT DeliveryDigest__c\s+FROM WebexWebhookReceipt__c\s+WHERE DeliveryDigest__c IN :digests\s+WITH SYSTEM_MODE\s+\]\) \{\s+recorded\.add\(receipt\.DeliveryDigest__c\);\s+\}/,
                replace:
                    'for (String digest : digests) {\n            if (isRecorded(digest)) {\n                recorded.add(digest);\n            }\n        }'
            },
            {
                file: `${CLASSES}/webhooks/WebexWebhookReceiptStore.cls`,
                find: /\n\}\s*$/,
                replace:
                    '\n\n    private static Boolean isRecorded(String digest) {\n        return [SELECT COUNT() FROM WebexWebhookReceipt__c WHERE DeliveryDigest__c = :digest WITH SYSTEM_MODE] > 0;\n    }\n}\n'
            }
        ],
        check: apexTests('WebexCallEventHandler_Test'),
        expect: failedWith('WebexCallEventHandler_Test', 'System\\.LimitException: Too many SOQL queries: 101')
    },
    {
        // The receipts written before the push: the runtime refuses the callout after uncommitted DML
        // (System.CalloutException, which WebexHttp turns into an UNEXPECTED failure the handler logs), so
        // the tests see a write before the callouts and no request at all.
        name: 'apex runtime: DML before a callout (WebexCallEventHandler records before it pushes)',
        edits: [
            {
                file: `${CLASSES}/calling/WebexCallEventHandler.cls`,
                find: 'Integer delivered = new WebexCallEventPublisher(pushes).publish();',
                replace:
                    'new WebexWebhookReceiptStore().recordFirstOccurrences(digests, RESOURCE, RECEIPT_KIND);\n            Integer delivered = new WebexCallEventPublisher(pushes).publish();'
            }
        ],
        check: apexTests('WebexCallEventHandler_Test'),
        expect: allOf(
            failedWith(
                'WebexCallEventHandler_Test',
                'System\\.AssertException: Assertion Failed: Nothing written before the callouts'
            ),
            failedWith(
                'WebexCallEventHandler_Test',
                'System\\.AssertException: Assertion Failed: Token, channel, the failed push: Expected: 3, Actual: 0'
            )
        )
    }
];
