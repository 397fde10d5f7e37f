import { readFileSync } from 'fs';
import path from 'path';
import { ADMIN_CONTROLLERS, isRateLimited, toWebexError } from 'c/webexErrors';
import dmlErrorsRejection from './data/dmlErrorsRejection.json';
import invalidTokenRejection from './data/invalidTokenRejection.json';
import pageErrorsRejection from './data/pageErrorsRejection.json';
import rateLimitedRejection from './data/rateLimitedRejection.json';
import uiApiOutputRejection from './data/uiApiOutputRejection.json';
import unhandledApexExceptionRejection from './data/unhandledApexExceptionRejection.json';

// The English values, so the assertions read as the person would.
jest.mock('@salesforce/label/c.WebexError_Generic', () => ({ default: 'Something went wrong: {0}' }), {
    virtual: true
});
jest.mock(
    '@salesforce/label/c.WebexError_SalesforceUnreachable',
    () => ({ default: 'Salesforce could not be reached. Check your network connection, then try again.' }),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.WebexError_Unknown',
    () => ({ default: 'Something went wrong and no details were given. Reload the page, then try again.' }),
    { virtual: true }
);

jest.mock(
    '@salesforce/label/c.WebexError_NotAdmin',
    () => ({ default: 'You need the Webex Admin permission set to view or change Webex settings.' }),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.WebexError_NotWebexUser',
    () => ({
        default:
            'You need the Cisco Webex User permission set to use Webex in Salesforce. Ask your Salesforce administrator to assign it to you.'
    }),
    { virtual: true }
);

const UNKNOWN = 'Something went wrong and no details were given. Reload the page, then try again.';
const UNREACHABLE = 'Salesforce could not be reached. Check your network connection, then try again.';

/** What the runtime rejects with when an Apex method throws the package's AuraHandledException. */
function apexRejection(payload: unknown, status = 500): unknown {
    return { status, body: { message: JSON.stringify(payload), exceptionType: 'System.AuraHandledException' } };
}

describe('c/webexErrors', () => {
    describe("the platform's refusal of a user without access to the Apex class (Apex Developer Guide › Class Security)", () => {
        it('tells a user who lacks Webex Admin which permission set an admin controller needs', () => {
            const refusal = {
                status: 500,
                body: { message: "You do not have access to the Apex class named 'WebexAdminController'." }
            };
            expect(toWebexError(refusal)).toEqual({
                code: 'NOT_ADMIN',
                message: 'You need the Webex Admin permission set to view or change Webex settings.',
                retryAfterSeconds: null
            });
        });

        it('reads the class of an installed package, named with its namespace', () => {
            for (const message of [
                "You do not have access to the Apex class named 'webexsf.WebexAdminController'.",
                'You do not have access to the Apex class named: webexsf.WebexAdminController'
            ])
                expect(toWebexError({ status: 500, body: { message } }).code).toBe('NOT_ADMIN');
        });

        it("tells a rep without Cisco Webex User to ask for it, whatever the namespace's prefix", () => {
            const refusal = {
                status: 500,
                body: { message: "You do not have access to the Apex class named 'webexsf.WebexCallController'." }
            };
            expect(toWebexError(refusal)).toMatchObject({
                code: 'FORBIDDEN',
                message: expect.stringContaining('Cisco Webex User permission set')
            });
        });

        it('lists exactly the controllers the Webex Admin permission set gives access to', () => {
            const file = path.join(__dirname, '..', '..', '..', 'permissionsets', 'Webex_Admin.permissionset-meta.xml');
            const granted = [...readFileSync(file, 'utf8').matchAll(/<apexClass>(\w+)<\/apexClass>/g)].map((m) => m[1]);
            expect([...ADMIN_CONTROLLERS].sort()).toEqual(granted.sort());
        });
    });

    describe('the package error payload', () => {
        it('reads code and message from the JSON message of an AuraHandledException', () => {
            expect(toWebexError(invalidTokenRejection)).toEqual({
                code: 'INVALID_TOKEN',
                message: 'The access token is invalid or expired. Copy a new one from developer.webex.com.',
                retryAfterSeconds: null
            });
        });

        it('keeps the seconds to wait of a rate limit', () => {
            expect(toWebexError(rateLimitedRejection)).toEqual({
                code: 'RATE_LIMITED',
                message: 'Webex is still rate limiting requests after several retries. Wait a minute, then try again.',
                retryAfterSeconds: 7
            });
            expect(isRateLimited(rateLimitedRejection)).toBe(true);
            expect(isRateLimited(invalidTokenRejection)).toBe(false);
        });

        it('shows a message spread over indented lines (a formatted label) as one line', () => {
            const error = apexRejection({
                code: 'NETWORK',
                message:
                    '\n            Webex could not be reached. Check that https://webexapis.com is allowed,\n            then try again.\n        ',
                retryAfterSeconds: null
            });
            expect(toWebexError(error).message).toBe(
                'Webex could not be reached. Check that https://webexapis.com is allowed, then try again.'
            );
        });

        it('accepts a payload that is already parsed, and is idempotent', () => {
            const payload = toWebexError(invalidTokenRejection);
            expect(toWebexError(payload)).toEqual(payload);
            expect(toWebexError({ body: payload })).toEqual(payload);
        });

        it('treats an unknown code as unexpected but keeps its message', () => {
            expect(toWebexError(apexRejection({ code: 'SOMETHING_NEW', message: 'Try later.' }))).toEqual({
                code: 'UNEXPECTED',
                message: 'Try later.',
                retryAfterSeconds: null
            });
        });

        it('drops a wait that is not a usable number of seconds', () => {
            for (const retryAfterSeconds of [-1, 'soon', Number.POSITIVE_INFINITY, null]) {
                const error = apexRejection({ code: 'RATE_LIMITED', message: 'Slow down.', retryAfterSeconds });
                expect(toWebexError(error).retryAfterSeconds).toBeNull();
            }
        });

        it('replaces an empty message with one that says what to do', () => {
            expect(toWebexError(apexRejection({ code: 'NOT_FOUND', message: '  ' }))).toEqual({
                code: 'NOT_FOUND',
                message: UNKNOWN,
                retryAfterSeconds: null
            });
            expect(toWebexError(apexRejection({ code: 'WHATEVER', message: '' })).code).toBe('UNEXPECTED');
        });
    });

    describe('failures from anything else', () => {
        it('wraps the plain message of an unhandled Apex exception', () => {
            expect(toWebexError(unhandledApexExceptionRejection)).toEqual({
                code: 'UNEXPECTED',
                message: 'Something went wrong: Attempt to de-reference a null object',
                retryAfterSeconds: null
            });
        });

        it('wraps a message that only looks like JSON', () => {
            const error = { status: 500, body: { message: '{ not json' } };
            expect(toWebexError(error).message).toBe('Something went wrong: { not json');
            const notOurs = { status: 500, body: { message: '{"error":"invalid_grant"}' } };
            expect(toWebexError(notOurs).message).toBe('Something went wrong: {"error":"invalid_grant"}');
        });

        it('lists every message of an array body (DML errors) in one sentence', () => {
            expect(toWebexError(dmlErrorsRejection).message).toBe(
                'Something went wrong: Required fields are missing: [Name] The phone number is not valid.'
            );
        });

        it('lists page errors and field errors', () => {
            expect(toWebexError(pageErrorsRejection).message).toBe(
                'Something went wrong: You do not have access to this record. Phone: invalid number.'
            );
        });

        it('lists the errors of a UI API response output', () => {
            expect(toWebexError(uiApiOutputRejection).message).toBe(
                'Something went wrong: The record could not be saved. Email: invalid email address.'
            );
        });

        it('says the same message once when several failures repeat it', () => {
            const twice = [invalidTokenRejection, invalidTokenRejection];
            expect(toWebexError(twice)).toEqual(toWebexError(invalidTokenRejection));
        });

        it('uses the first failure of an array of rejections for the code', () => {
            const error = toWebexError([rateLimitedRejection, new Error('boom')]);
            expect(error.code).toBe('RATE_LIMITED');
            expect(error.message).toContain('Something went wrong: boom');
        });

        it('wraps a JavaScript error and a string', () => {
            expect(toWebexError(new TypeError('Cannot read properties of undefined'))).toEqual({
                code: 'UNEXPECTED',
                message: 'Something went wrong: Cannot read properties of undefined',
                retryAfterSeconds: null
            });
            expect(toWebexError('Request timed out').message).toBe('Something went wrong: Request timed out');
            expect(toWebexError(42).message).toBe('Something went wrong: 42');
        });

        it('says Salesforce could not be reached when the request never got there', () => {
            const expected = { code: 'NETWORK', message: UNREACHABLE, retryAfterSeconds: null };
            expect(toWebexError({ status: 0, body: { message: 'Failed to fetch' } })).toEqual(expected);
            expect(toWebexError({ status: 0 })).toEqual(expected);
            expect(toWebexError({ body: null })).toEqual(expected);
            expect(toWebexError({ body: undefined })).toEqual(expected);
        });

        it('still gives a readable message when Salesforce answers without details', () => {
            expect(toWebexError({ status: 500, body: {} }).message).toBe(UNKNOWN);
            expect(toWebexError({ status: 503, body: '' }).message).toBe(UNKNOWN);
            expect(toWebexError({ status: 500, body: { pageErrors: [], fieldErrors: {} } }).message).toBe(UNKNOWN);
            expect(toWebexError({ status: 500, body: 'Service Unavailable' }).message).toBe(
                'Something went wrong: Service Unavailable'
            );
            expect(toWebexError({ status: 500, body: [] }).message).toBe(UNKNOWN);
        });

        it('uses the message beside a body that says nothing', () => {
            expect(toWebexError({ body: {}, message: 'Disconnected or Canceled' }).message).toBe(
                'Something went wrong: Disconnected or Canceled'
            );
        });

        it('never gives an empty message', () => {
            for (const nothing of [undefined, null, '', '   ', {}, [], new Error(''), { message: '' }]) {
                expect(toWebexError(nothing)).toEqual({
                    code: 'UNEXPECTED',
                    message: UNKNOWN,
                    retryAfterSeconds: null
                });
            }
        });

        it('prefers the package payload when a list of messages holds one', () => {
            const list = {
                status: 500,
                body: ['Not ours.', JSON.stringify({ code: 'NO_SITE', message: 'Create the site.' })]
            };
            expect(toWebexError(list)).toEqual({
                code: 'NO_SITE',
                message: 'Create the site.',
                retryAfterSeconds: null
            });
        });

        it('reads plain-string entries of an error list', () => {
            expect(
                toWebexError({ status: 400, body: { errors: ['First problem.', '', 'Second problem.'] } }).message
            ).toBe('Something went wrong: First problem. Second problem.');
        });
    });
});
