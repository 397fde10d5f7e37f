/**
 * Meetings and webinars against the contract: the seeded past and upcoming meetings, the list's
 * filters and default windows, scheduling rules, invitees, webinar registrants (hundreds, paged) and
 * participants of held meetings.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { WebexEmulator } from './server.ts';
import { AVERY, CAMILLE, SAM, startForTests, startWebhookSink, type TestClient } from './test-support.ts';

let emulator: WebexEmulator;
let sam: TestClient;
let avery: TestClient;
let camille: TestClient;

type Item = Record<string, unknown> & { id: string };
type List = { items: Item[] };

const DAY = 24 * 60 * 60_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const wide = `from=${encodeURIComponent(iso(-60 * DAY))}&to=${encodeURIComponent(iso(60 * DAY))}`;

async function webinar(title: string): Promise<Item> {
    const found = (await avery.get<List>(`/v1/meetings?scheduledType=webinar&${wide}`)).body.items.find(
        (m) => m.title === title
    );
    assert.ok(found, `the seeded webinar ${title}`);
    return found;
}

describe('Webex emulator: meetings and webinars', () => {
    before(async () => {
        const started = await startForTests();
        emulator = started.emulator;
        sam = started.client;
        avery = sam.as(started.tokens[AVERY]);
        camille = sam.as(started.tokens[CAMILLE]);
    });
    beforeEach(() => emulator.state.reset());
    after(() => emulator.close());

    it('lists the meeting series of the next 7 days by default, hosted or invited', async () => {
        const titles = (await sam.get<List>('/v1/meetings')).body.items.map((m) => m.title);
        assert.deepEqual(titles.sort(), [
            'Acme Robotics – pricing review',
            'Dupont Industrie – product demo',
            'Weekly pipeline review'
        ]);
        const items = (await sam.get<List>('/v1/meetings')).body.items;
        assert.ok(items.every((m) => m.meetingType === 'meetingSeries' && m.state === 'active'));
    });

    it('lists held meetings with meetingType=meeting over a past window, and scheduled ones ahead', async () => {
        const held = await sam.get<List>(`/v1/meetings?meetingType=meeting&${wide}`);
        assert.deepEqual(
            held.body.items.map((m) => [m.title, m.state]),
            [
                ['Sales kick-off', 'ended'],
                ['Blue Harbor Logistics – discovery call', 'ended']
            ]
        );
        assert.match(held.body.items[0].id, /^[0-9a-f]{32}_I_\d+$/);
        const instance = await sam.get<Item>(`/v1/meetings/${held.body.items[0].id}`);
        assert.deepEqual([instance.body.meetingType, instance.body.hostDidJoin], ['meeting', true]);
        const lastWeek = await sam.get<List>('/v1/meetings?meetingType=meeting');
        assert.deepEqual(
            lastWeek.body.items.map((m) => m.title),
            ['Blue Harbor Logistics – discovery call'],
            'default: the last 7 days'
        );
        const scheduled = await sam.get<List>(`/v1/meetings?meetingType=scheduledMeeting&state=scheduled&${wide}`);
        assert.ok(scheduled.body.items.length >= 3);
        assert.ok(scheduled.body.items.every((m) => /^[0-9a-f]{32}_\d{8}T\d{6}Z$/.test(m.id) && m.meetingSeriesId));
        assert.equal((await sam.get('/v1/meetings?meetingType=webinar')).status, 400);
        assert.equal((await sam.get(`/v1/meetings?from=${iso(DAY)}&to=${iso(-DAY)}`)).status, 400);
    });

    it('finds meetings by integrationTag and pages with max', async () => {
        const tagged = await sam.get<List>(`/v1/meetings?integrationTag=006Ak00000RenewAcmeAAB&${wide}`);
        assert.deepEqual(
            tagged.body.items.map((m) => m.title),
            ['Acme Robotics – pricing review']
        );
        const { items, pages } = await sam.all<Item>(`/v1/meetings?max=1&${wide}`);
        assert.equal(items.length, 6, 'five meetings and the launch webinar, where Sam is a panelist');
        assert.equal(pages, 6);
    });

    it("schedules, reads, updates and cancels a meeting, telling the host's webhook", async () => {
        const sink = await startWebhookSink();
        try {
            await sam.post('/v1/webhooks', {
                name: 'meetings',
                targetUrl: sink.url,
                resource: 'meetings',
                event: 'created'
            });
            const start = iso(2 * DAY);
            const created = await sam.post<Item>('/v1/meetings', {
                title: 'Northwind – renewal call',
                start,
                end: iso(2 * DAY + 30 * 60_000),
                timezone: 'Europe/Paris',
                integrationTags: ['006Ak00000Northwind01'],
                invitees: [{ email: 'lucas.thomas@northwind.example', displayName: 'Lucas Thomas' }]
            });
            assert.equal(created.status, 200);
            assert.equal(created.body.meetingType, 'meetingSeries');
            assert.equal(
                created.body.start,
                new Date(Math.floor(Date.parse(start) / 60_000) * 60_000).toISOString().replace('.000', '')
            );
            assert.deepEqual(created.body.integrationTags, ['006Ak00000Northwind01']);
            const invitees = await sam.get<List>(`/v1/meetingInvitees?meetingId=${created.body.id}`);
            assert.deepEqual(
                invitees.body.items.map((i) => i.email),
                ['lucas.thomas@northwind.example']
            );
            const current = await sam.get<Item>(`/v1/meetings/${created.body.id}?current=true`);
            assert.equal(current.body.meetingType, 'scheduledMeeting');
            const patched = await sam.call<Item>('PATCH', `/v1/meetings/${created.body.id}`, {
                title: 'Northwind – renewal'
            });
            assert.equal(patched.body.title, 'Northwind – renewal');
            assert.equal((await camille.get(`/v1/meetings/${created.body.id}`)).status, 404, 'not invited');
            assert.equal((await sam.call('DELETE', `/v1/meetings/${created.body.id}`)).status, 204);
            assert.equal((await sam.get(`/v1/meetings/${created.body.id}`)).status, 404);
            await emulator.state.deliveries.settled();
            assert.equal(sink.received.length, 1);
            assert.equal(sink.received[0].body.resource, 'meetings');
            assert.equal(sink.received[0].body.data.id, created.body.id);
        } finally {
            await sink.close();
        }
    });

    it('refuses what Webex refuses when scheduling', async () => {
        const base = { title: 'Check', start: iso(DAY), end: iso(DAY + 60 * 60_000) };
        const refused = async (body: Record<string, unknown>) => (await sam.post('/v1/meetings', body)).status;
        assert.equal(await refused({ ...base, start: iso(-DAY), end: iso(-DAY + 3600_000) }), 400, 'start in the past');
        assert.equal(await refused({ ...base, end: iso(DAY + 5 * 60_000) }), 400, 'shorter than 10 minutes');
        assert.equal(await refused({ ...base, integrationTags: ['a', 'b', 'c', 'd'] }), 400, 'more than 3 tags');
        assert.equal(await refused({ ...base, scheduledType: 'webinar' }), 400, 'a webinar needs a session type');
        assert.equal(await refused({ ...base, title: 'x'.repeat(129) }), 400, 'title over 128 characters');
        const sessionTypes = await avery.get<List>('/v1/meetings/sessionTypes');
        const webinarType = sessionTypes.body.items.find((t) => t.type === 'webinar') as Item;
        const created = await avery.post<Item>('/v1/meetings', {
            ...base,
            scheduledType: 'webinar',
            sessionTypeId: Number(webinarType.id)
        });
        assert.equal(created.status, 200);
        assert.equal(created.body.scheduledType, 'webinar');
        assert.ok(created.body.registerLink);
    });

    it('pages through the few hundred registrants of the launch webinar, sample contacts among them', async () => {
        const launch = await webinar('Webex Webinar – Product Launch 2027');
        const { items, pages } = await avery.all<Item>(`/v1/meetings/${launch.id}/registrants?max=100`);
        assert.ok(items.length >= 300, `${items.length} registrants`);
        assert.equal(pages, Math.ceil(items.length / 100));
        assert.equal(new Set(items.map((r) => r.email)).size, items.length, 'one registration per email');
        assert.ok(
            items.some((r) => r.email === 'olivia.martin@acme.example'),
            'a sample contact registered'
        );
        assert.ok(items.some((r) => r.status === 'pending') && items.some((r) => r.status === 'rejected'));
        const one = await avery.get<List>(
            `/v1/meetings/${launch.id}/registrants?email=lucas.thomas%40northwind.example`
        );
        assert.equal(one.body.items.length, 1);
        const scheduled = (
            await avery.get<List>(`/v1/meetings?meetingType=scheduledMeeting&scheduledType=webinar&${wide}`)
        ).body.items[0];
        assert.equal((await avery.get(`/v1/meetings/${scheduled.id}/registrants`)).status, 400, 'a series id only');
        assert.equal(
            (await sam.get(`/v1/meetings/${launch.id}/registrants`)).status,
            403,
            'a panelist is not the host'
        );
    });

    it('registers someone once', async () => {
        const launch = await webinar('Webex Webinar – Product Launch 2027');
        const person = {
            firstName: 'Nora',
            lastName: 'Leroy',
            email: 'nora.leroy@litware.example',
            companyName: 'Litware Inc.'
        };
        const registered = await avery.post<Item>(`/v1/meetings/${launch.id}/registrants`, person);
        assert.equal(registered.status, 200);
        assert.equal(registered.body.status, 'approved');
        assert.equal((await avery.post(`/v1/meetings/${launch.id}/registrants`, person)).status, 409);
        const read = await avery.get<Item>(`/v1/meetings/${launch.id}/registrants/${registered.body.id}`);
        assert.equal(read.body.email, person.email);
    });

    it('lists who joined a held webinar and its panelists', async () => {
        const past = await webinar('Webex Webinar – Customer Success Stories');
        const { items } = await avery.all<Item>(`/v1/meetingParticipants?meetingId=${past.id}&max=100`);
        assert.equal(items.filter((p) => p.host).length, 1);
        assert.ok(items.length > 25, `${items.length} participants`);
        assert.ok(items.every((p) => p.state === 'end' && p.joinedTime && p.leftTime));
        const panelists = await avery.get<List>(`/v1/meetingInvitees?meetingId=${past.id}&panelist=true`);
        assert.deepEqual(
            panelists.body.items.map((i) => i.email),
            [CAMILLE]
        );
        assert.equal((await sam.get(`/v1/meetingParticipants?meetingId=${past.id}`)).status, 404, 'not his meeting');
    });

    it('invites and uninvites, for the host only', async () => {
        const review = (await sam.get<List>('/v1/meetings')).body.items.find(
            (m) => m.title === 'Acme Robotics – pricing review'
        ) as Item;
        const invited = await sam.post<Item>('/v1/meetingInvitees', { meetingId: review.id, email: CAMILLE });
        assert.equal(invited.body.displayName, 'Camille Vente');
        assert.equal((await sam.post('/v1/meetingInvitees', { meetingId: review.id, email: CAMILLE })).status, 409);
        assert.equal((await camille.get(`/v1/meetings/${review.id}`)).status, 200, 'an invitee sees the meeting');
        assert.equal((await camille.call('DELETE', `/v1/meetingInvitees/${invited.body.id}`)).status, 403);
        assert.equal((await sam.call('DELETE', `/v1/meetingInvitees/${invited.body.id}`)).status, 204);
    });

    it('lets an admin act for a host with hostEmail, and nobody else', async () => {
        const forSam = await avery.get<List>(`/v1/meetings?hostEmail=${encodeURIComponent(SAM)}`);
        assert.ok(forSam.body.items.some((m) => m.hostEmail === SAM));
        assert.equal((await camille.get(`/v1/meetings?hostEmail=${encodeURIComponent(SAM)}`)).status, 403);
    });
});
