/**
 * The emulated WebexCallController against a running Webex emulator: one request per action with the
 * rep's own token, the rep-facing refusals (rate limit, other backend, not connected, ended call, bad
 * input), call history, and the record store playing SOSL for search, caller matching and Make a Call.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startWebexEmulator, type WebexEmulator } from '../../webex-emulator/server.ts';
import { AuraHandledError } from '../apex-error.ts';
import { EmulatedOrg } from '../org-state.ts';
import { saveUserConnection } from './user-tokens.ts';
import { createWebexCallController, type WebexCallControllerApi } from './WebexCallController.ts';

const SAM = 'sam.rep@acme-webex.example';
const CAMILLE = 'camille.vente@acme-webex.example';
const SAM_TOKEN = 'WB_USER_TOKEN_sam_0002_acme-org-0001';

let emulator: WebexEmulator;
let org: EmulatedOrg;
let controller: WebexCallControllerApi;

/** The payload a component would read from a failed call. */
async function refusal(call: Promise<unknown>): Promise<WebexApexErrorPayload> {
    try {
        await call;
    } catch (error) {
        assert.ok(error instanceof AuraHandledError, `an AuraHandledException, not ${String(error)}`);
        return error.payload;
    }
    return assert.fail('the call was refused');
}

/** Requests the emulator received on /v1 (the control API is not counted). */
function webexRequests(): Array<{ method: string; path: string; body: unknown }> {
    return emulator.state.requests.filter((request) => request.path.startsWith('/v1/'));
}

async function control(path: string, body: unknown): Promise<Record<string, unknown>> {
    const response = await fetch(`${emulator.url}/_emulator${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body)
    });
    assert.ok(response.ok, `${path}: ${response.status}`);
    return (await response.json()) as Record<string, unknown>;
}

/** Sam's stored Webex connection (as connecting from the dialer leaves it), with this access token. */
function connect(accessToken: string): void {
    saveUserConnection(org, {
        userId: org.user.id,
        accessToken,
        expiresAt: new Date(Date.now() + 3600_000).toISOString(),
        refreshToken: 'sam-refresh-token',
        webexPersonId: 'SAM',
        displayName: 'Sam Rep',
        email: SAM,
        connectedAt: new Date().toISOString(),
        problem: null
    });
}

function contactNamed(name: string): { Id: string } & Record<string, unknown> {
    const contact = org.records.list('Contact').find((c) => c.Name === name);
    assert.ok(contact, name);
    return contact;
}

describe('Emulated WebexCallController', () => {
    before(async () => {
        emulator = await startWebexEmulator(0);
    });
    after(() => emulator.close());
    beforeEach(() => {
        emulator.state.reset();
        org = new EmulatedOrg(emulator.url);
        org.signIn(SAM);
        connect(SAM_TOKEN);
        controller = createWebexCallController(org);
    });

    describe('call control', () => {
        it('dials with exactly one Webex request, the number in E.164 and the rep token', async () => {
            const result = await controller.dial({ destination: ' (312) 296-1607 ' });
            assert.match(result.callId, /\S/);
            const requests = webexRequests();
            assert.equal(requests.length, 1, 'no people/me lookup before dialing');
            assert.equal(`${requests[0].method} ${requests[0].path}`, 'POST /v1/telephony/calls/dial');
            assert.deepEqual(requests[0].body, { destination: '+13122961607' });
            assert.equal(emulator.state.requests[0].authorized, `${SAM_TOKEN.slice(0, 6)}…`);
            const [leg] = emulator.state.calls.legs;
            assert.equal(leg.id, result.callId, 'the call is on the rep line');
        });

        it('dials an extension and a SIP address as given, and refuses what is neither', async () => {
            await controller.dial({ destination: '1003' });
            await controller.dial({ destination: 'sip:olivia@example.com' });
            assert.deepEqual(
                webexRequests().map((r) => r.body),
                [{ destination: '1003' }, { destination: 'sip:olivia@example.com' }]
            );
            const typed = await refusal(controller.dial({ destination: 'call me maybe' }));
            assert.equal(typed.code, 'INVALID_INPUT');
            assert.match(typed.message, /call me maybe/, 'repeats what was typed');
            assert.equal(
                (await refusal(controller.dial({ destination: '  ' }))).message,
                org.label('WebexCall_DestinationRequired')
            );
            assert.equal(webexRequests().length, 2, 'bad input never reaches Webex');
        });

        it('reports a rate limit with the wait Webex asked for', async () => {
            emulator.state.faults.push({ path: '/v1/telephony/calls/dial', status: 429, retryAfter: 3, times: 1 });
            const limited = await refusal(controller.dial({ destination: '+13122961607' }));
            assert.equal(limited.code, 'RATE_LIMITED');
            assert.equal(limited.retryAfterSeconds, 3);
            const retried = await controller.dial({ destination: '+13122961607' });
            assert.match(retried.callId, /\S/, 'the retry goes through');
        });

        it('refuses call control on Unified CM and BroadWorks without calling Webex', async () => {
            for (const backend of ['UnifiedCM', 'BroadWorks'] as const) {
                org.calling.backend = backend;
                const refused = await refusal(controller.dial({ destination: '+13122961607' }));
                assert.equal(refused.code, 'UNSUPPORTED_BACKEND');
                assert.equal(refused.message, org.label('WebexCall_UnsupportedBackend'));
                assert.equal((await refusal(controller.hangup({ callId: 'CALL' }))).code, 'UNSUPPORTED_BACKEND');
            }
            assert.equal(webexRequests().length, 0);
        });

        it('asks a rep who is not connected to connect, and one whose token Webex refuses to reconnect', async () => {
            org.signIn(CAMILLE);
            assert.equal((await refusal(controller.dial({ destination: '+13122961607' }))).code, 'NOT_CONNECTED');
            org.signIn(SAM);
            connect('a-token-webex-does-not-know');
            const refused = await refusal(controller.dial({ destination: '+13122961607' }));
            assert.equal(refused.code, 'NOT_CONNECTED');
            assert.equal(refused.message, org.label('WebexCall_Reconnect'));
        });

        it('answers, holds, resumes, mutes, unmutes and hangs up an incoming call; an ended call says so', async () => {
            emulator.state.settings.calls.ringTimeoutMs = null;
            const ringing = await control('/calls/inbound', { to: SAM, from: '+13122961607', name: 'Olivia Martin' });
            const callId = String(ringing.id ?? ringing.callId);
            await controller.answer({ callId });
            await controller.hold({ callId });
            await controller.resume({ callId });
            await controller.mute({ callId });
            await controller.unmute({ callId });
            await controller.hangup({ callId });
            assert.deepEqual(
                webexRequests().map((r) => r.path),
                ['answer', 'hold', 'resume', 'mute', 'unmute', 'hangup'].map((a) => `/v1/telephony/calls/${a}`)
            );
            const ended = await refusal(controller.hangup({ callId }));
            assert.equal(ended.code, 'NOT_FOUND');
            assert.equal(ended.message, org.label('WebexCall_CallEnded'));
        });

        it('rejects a ringing call', async () => {
            emulator.state.settings.calls.ringTimeoutMs = null;
            const ringing = await control('/calls/inbound', { to: SAM, from: '+13122961607' });
            await controller.reject({ callId: String(ringing.id ?? ringing.callId) });
            assert.equal(emulator.state.calls.legs.length, 0, 'the call ended');
        });

        it('refuses a blank, over-long or odd call id without calling Webex', async () => {
            for (const callId of ['', '   ', 'x'.repeat(513), 'a b', '"}']) {
                assert.equal((await refusal(controller.hold({ callId }))).code, 'INVALID_INPUT', callId);
            }
            assert.equal(webexRequests().length, 0);
        });
    });

    describe('call history', () => {
        it('lists the rep history newest first when Webex Call History is on', async () => {
            org.featureAccess.setEnabledForAll('CallHistory', true);
            const history = await controller.getCallHistory({ historyType: null });
            assert.ok(history.length > 0, 'the seeded history');
            const times = history.map((entry) => entry.time);
            assert.deepEqual(times, [...times].sort().reverse());
            const missed = await controller.getCallHistory({ historyType: 'missed' });
            assert.ok(missed.every((entry) => entry.type === 'missed'));
            assert.equal(webexRequests().at(-1)?.path, '/v1/telephony/calls/history');
        });

        it('is refused when off, and for an unknown type', async () => {
            const off = await refusal(controller.getCallHistory({ historyType: null }));
            assert.equal(off.code, 'FORBIDDEN');
            assert.equal(off.message, org.label('WebexCall_HistoryOff'));
            org.featureAccess.setEnabledForAll('CallHistory', true);
            const bad = await refusal(controller.getCallHistory({ historyType: 'deleted' as never }));
            assert.equal(bad.code, 'INVALID_INPUT');
            assert.equal(webexRequests().length, 0);
        });
    });

    describe('search, caller matching and record numbers', () => {
        it('finds Contacts and Leads by name prefix with account and numbers, Contacts first', async () => {
            const found = await controller.searchPeople({ searchTerm: 'oliv mar' });
            const olivia = found.find((match) => match.name === 'Olivia Martin');
            assert.ok(olivia, 'Olivia Martin');
            assert.equal(olivia.objectApiName, 'Contact');
            assert.equal(olivia.objectLabel, 'Contact');
            assert.ok(olivia.accountName, 'her account tells namesakes apart');
            assert.deepEqual(olivia.phones[0], {
                field: 'Phone',
                label: 'Phone',
                number: '(312) 296-1607',
                e164: '+13122961607',
                extension: null
            });
        });

        it('finds by the digits of a number, and searches nothing for too little', async () => {
            const found = await controller.searchPeople({ searchTerm: '(312) 296' });
            assert.ok(found.some((match) => match.name === 'Olivia Martin'));
            for (const searchTerm of ['', 'o', '3', '(3', 'a b']) {
                assert.deepEqual(await controller.searchPeople({ searchTerm }), [], searchTerm);
            }
        });

        it('returns ten results at most, and nothing when the dialer search is off', async () => {
            for (let i = 0; i < 20; i++)
                org.records.insert('Contact', { FirstName: `Zed${i}`, LastName: 'Zebra', Phone: `+1 312 555 01${i}` });
            assert.equal((await controller.searchPeople({ searchTerm: 'zebra' })).length, 10);
            org.peopleSearch.save({ Dialer: [], Inbound: ['Contact', 'Lead'], Meetings: [], Spaces: [] });
            assert.deepEqual(await controller.searchPeople({ searchTerm: 'zebra' }), []);
        });

        it('matches a caller in E.164 whatever the stored format, several records all returned', async () => {
            const [olivia] = await controller.matchCaller({ phoneNumber: '+13122961607' });
            assert.equal(olivia?.name, 'Olivia Martin');
            assert.equal(olivia.phones[0].field, 'Phone');
            const lead = await controller.matchCaller({ phoneNumber: '+16175058299' });
            assert.ok(
                lead.some((match) => match.objectApiName === 'Lead' && match.accountName),
                'the Lead and company'
            );
            const first = contactNamed('Olivia Martin');
            const twin = org.records.insert('Contact', { LastName: 'Twin', MobilePhone: '312.296.1607' });
            const both = await controller.matchCaller({ phoneNumber: '+1 312 296 1607' });
            assert.deepEqual(new Set(both.map((match) => match.recordId)), new Set([first.Id, twin]));
            assert.deepEqual(await controller.matchCaller({ phoneNumber: '+33923880000' }), []);
            assert.deepEqual(await controller.matchCaller({ phoneNumber: '' }), []);
        });

        it('offers the chosen phone fields of a record that hold a number', async () => {
            const olivia = contactNamed('Olivia Martin');
            const phones = await controller.getRecordPhones({ recordId: olivia.Id });
            assert.equal(phones.recordName, 'Olivia Martin');
            assert.equal(phones.objectApiName, 'Contact');
            assert.deepEqual(phones.phones, [
                { field: 'Phone', label: 'Phone', number: '(312) 296-1607', e164: '+13122961607', extension: null }
            ]);
            org.records.update(olivia.Id, { MobilePhone: '+1 312 555 0199' });
            org.calling.phoneFields.set('Contact', ['MobilePhone']);
            const chosen = await controller.getRecordPhones({ recordId: olivia.Id.slice(0, 15) });
            assert.deepEqual(
                chosen.phones.map((phone) => phone.field),
                ['MobilePhone']
            );
        });

        it('refuses what is not a record id, and a record that does not exist', async () => {
            for (const recordId of ['', 'abc', 'zzz000000000000']) {
                assert.equal((await refusal(controller.getRecordPhones({ recordId }))).code, 'INVALID_INPUT');
            }
            const gone = await refusal(controller.getRecordPhones({ recordId: '003000000000000AAA' }));
            assert.equal(gone.code, 'NOT_FOUND');
            assert.equal(gone.message, org.label('WebexCall_RecordNotFound'));
        });
    });

    describe('dialer settings', () => {
        it('tells the dialer the backend, logs, history, search, channel, user and country', async () => {
            org.featureAccess.setEnabledForAll('OutboundCallLog', true);
            org.calling.callLogObjects.set('Outbound', ['Account', 'Opportunity']);
            const settings = await controller.getDialerSettings();
            assert.equal(settings.backend, 'WebexCalling');
            assert.equal(settings.eventChannel, '/u/WebexCallEvents');
            assert.equal(settings.userId, org.user.id);
            assert.equal(settings.defaultCountry, 'US');
            assert.equal(settings.callHistoryEnabled, false);
            assert.deepEqual(settings.searchObjects, ['Contact', 'Lead']);
            assert.deepEqual(settings.outboundLog, {
                enabled: true,
                relatedObjects: [
                    { apiName: 'Account', label: 'Account' },
                    { apiName: 'Opportunity', label: 'Opportunity' }
                ]
            });
            assert.equal(settings.inboundLog.enabled, false);
            org.signIn(CAMILLE);
            const french = await controller.getDialerSettings();
            assert.equal(french.defaultCountry, 'FR', 'from fr_FR');
            assert.equal(french.outboundLog.relatedObjects[1].label, 'Opportunité');
        });
    });
});
