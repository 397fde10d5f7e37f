/**
 * Rooms, messages, memberships and message files: every answer against the contract, and the rules
 * the package meets on Webex (members only, 1:1 messages open a direct room, newest first, Link pages).
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { parseMultipart } from './multipart.ts';
import type { WebexEmulator } from './server.ts';
import { AVERY, CAMILLE, SAM, startForTests, type TestClient } from './test-support.ts';

let emulator: WebexEmulator;
let sam: TestClient;
let avery: TestClient;
let camille: TestClient;

type Item = Record<string, unknown> & { id: string };
type List = { items: Item[] };

describe('Webex emulator: rooms, messages and memberships', () => {
    before(async () => {
        const started = await startForTests();
        emulator = started.emulator;
        sam = started.client;
        avery = sam.as(started.tokens[AVERY]);
        camille = sam.as(started.tokens[CAMILLE]);
    });
    beforeEach(() => emulator.state.reset());
    after(() => emulator.close());

    it('lists only the rooms the user belongs to, titling a direct room with the other person', async () => {
        const rooms = (await sam.get<List>('/v1/rooms')).body.items;
        assert.deepEqual(rooms.map((r) => r.title).sort(), ['Acme Robotics – Renewal 2027', 'Camille Vente']);
        const direct = rooms.find((r) => r.type === 'direct') as Item;
        assert.equal((await camille.get<Item>(`/v1/rooms/${direct.id}`)).body.title, 'Sam Rep');
        assert.equal((await avery.get(`/v1/rooms/${direct.id}`)).status, 404, 'a non-member does not see it');
        assert.deepEqual(
            (await sam.get<List>('/v1/rooms?type=group')).body.items.map((r) => r.type),
            ['group']
        );
        assert.equal((await sam.get('/v1/rooms?sortBy=name')).status, 400);
    });

    it('creates, renames and deletes a space, its creator a member', async () => {
        const created = await sam.post<Item>('/v1/rooms', { title: 'Blue Harbor – onboarding' });
        assert.equal(created.status, 200);
        assert.equal(created.body.type, 'group');
        const members = (await sam.get<List>(`/v1/memberships?roomId=${created.body.id}`)).body.items;
        assert.deepEqual(
            members.map((m) => m.personEmail),
            [SAM]
        );
        const renamed = await sam.call<Item>('PUT', `/v1/rooms/${created.body.id}`, { title: 'Blue Harbor – go-live' });
        assert.equal(renamed.body.title, 'Blue Harbor – go-live');
        assert.equal((await sam.post('/v1/rooms', {}, { unchecked: true })).status, 400, 'title is required');
        assert.equal((await sam.call('DELETE', `/v1/rooms/${created.body.id}`)).status, 204);
        assert.equal((await sam.get(`/v1/rooms/${created.body.id}`)).status, 404);
    });

    it('opens a direct room on the first 1:1 message and reuses it for the next', async () => {
        const first = await sam.post<Item>('/v1/messages', {
            toPersonEmail: AVERY,
            markdown: 'Can you approve **8%**?'
        });
        assert.equal(first.status, 200);
        assert.equal(first.body.roomType, 'direct');
        assert.equal(first.body.toPersonEmail, AVERY);
        assert.equal(first.body.text, 'Can you approve 8%?', 'plain text is derived from markdown');
        const averyId = emulator.state.userByEmail(AVERY)?.id as string;
        const second = await sam.post<Item>('/v1/messages', { toPersonId: averyId, text: 'Thanks!' });
        assert.equal(second.body.roomId, first.body.roomId, 'the same direct room');
        const room = await avery.get<Item>(`/v1/rooms/${first.body.roomId}`);
        assert.equal(room.body.title, 'Sam Rep');
        const members = (await avery.get<List>(`/v1/memberships?roomId=${first.body.roomId}`)).body.items;
        assert.deepEqual(members.map((m) => m.personEmail).sort(), [AVERY, SAM]);
        assert.equal((await sam.post('/v1/messages', { toPersonEmail: SAM, text: 'me' })).status, 400);
        assert.equal(
            (await sam.post('/v1/messages', { toPersonEmail: 'nobody@elsewhere.example', text: 'hi' })).status,
            404
        );
        assert.equal(
            (await sam.post('/v1/messages', { roomId: first.body.roomId, toPersonEmail: AVERY, text: 'x' })).status,
            400,
            'one destination only'
        );
    });

    it('lists a room newest first, pages with max and Link, and filters with before and beforeMessage', async () => {
        const room = (await sam.get<List>('/v1/rooms?type=group')).body.items[0];
        for (let i = 1; i <= 3; i += 1) await sam.post('/v1/messages', { roomId: room.id, text: `update ${i}` });
        const { items, pages } = await sam.all<Item>(`/v1/messages?roomId=${room.id}&max=2`);
        assert.equal(items.length, 7);
        assert.equal(pages, 4);
        assert.deepEqual(
            items.slice(0, 3).map((m) => m.text),
            ['update 3', 'update 2', 'update 1']
        );
        const created = items.map((m) => String(m.created));
        assert.deepEqual(created, [...created].sort().reverse(), 'descending by creation');
        const older = (await sam.get<List>(`/v1/messages?roomId=${room.id}&beforeMessage=${items[3].id}`)).body.items;
        assert.deepEqual(
            older.map((m) => m.id),
            items.slice(4).map((m) => m.id)
        );
        const before = (
            await sam.get<List>(`/v1/messages?roomId=${room.id}&before=${encodeURIComponent(String(items[4].created))}`)
        ).body.items;
        assert.deepEqual(
            before.map((m) => m.id),
            items.slice(5).map((m) => m.id)
        );
        assert.equal((await sam.get('/v1/messages')).status, 400, 'roomId is required');
    });

    it('reads and deletes a message; only its author may delete it', async () => {
        const room = (await sam.get<List>('/v1/rooms?type=group')).body.items[0];
        const message = (await sam.post<Item>('/v1/messages', { roomId: room.id, text: 'Typo' })).body;
        assert.equal((await avery.get<Item>(`/v1/messages/${message.id}`)).body.text, 'Typo');
        assert.equal((await avery.call('DELETE', `/v1/messages/${message.id}`)).status, 403);
        assert.equal((await sam.call('DELETE', `/v1/messages/${message.id}`)).status, 204);
        assert.equal((await sam.get(`/v1/messages/${message.id}`)).status, 404);
    });

    it('refuses markdown over 7,439 bytes and a second file', async () => {
        const room = (await sam.get<List>('/v1/rooms?type=group')).body.items[0];
        assert.equal((await sam.post('/v1/messages', { roomId: room.id, markdown: 'x'.repeat(7440) })).status, 400);
        const files = ['https://files.example/a.pdf', 'https://files.example/b.pdf'];
        assert.equal((await sam.post('/v1/messages', { roomId: room.id, text: 'two', files })).status, 400);
    });

    it('attaches a file by URL or by multipart upload, downloadable by members with their token', async () => {
        const room = (await sam.get<List>('/v1/rooms?type=group')).body.items[0];
        const byUrl = await sam.post<Item>('/v1/messages', {
            roomId: room.id,
            text: 'Quote',
            files: ['https://files.acme-robotics.example/quote-2027.pdf']
        });
        const [contentUrl] = byUrl.body.files as string[];
        assert.match(contentUrl, /\/v1\/contents\//);
        const redirect = await fetch(contentUrl, {
            redirect: 'manual',
            headers: { authorization: `Bearer ${sam.token}` }
        });
        assert.equal(redirect.headers.get('location'), 'https://files.acme-robotics.example/quote-2027.pdf');

        const form = new FormData();
        form.set('roomId', room.id);
        form.set('text', 'Signed contract');
        form.set('files', new Blob([Buffer.from('%PDF-1.7 signed')], { type: 'application/pdf' }), 'contract.pdf');
        const upload = await fetch(`${emulator.url}/v1/messages`, {
            method: 'POST',
            headers: { authorization: `Bearer ${sam.token}` },
            body: form
        });
        assert.equal(upload.status, 200);
        const uploaded = (await upload.json()) as { files: string[]; text: string };
        assert.equal(uploaded.text, 'Signed contract');
        const download = await fetch(uploaded.files[0], { headers: { authorization: `Bearer ${avery.token}` } });
        assert.equal(download.headers.get('content-type'), 'application/pdf');
        assert.equal(await download.text(), '%PDF-1.7 signed');
        assert.equal((await fetch(uploaded.files[0])).status, 401, 'the token is needed');
    });

    it('names a file through HEAD on its content URL: the headers of GET, no body, members only', async () => {
        // developer.webex.com › REST API Basics › Message Attachments: HEAD tells a file's name, type and size.
        const room = (await sam.get<List>('/v1/rooms?type=group')).body.items[0];
        const form = new FormData();
        form.set('roomId', room.id);
        form.set(
            'files',
            new Blob([Buffer.from('item,price\nrobot arm,48000\n')], { type: 'text/csv' }),
            'pricing.csv'
        );
        const upload = await fetch(`${emulator.url}/v1/messages`, {
            method: 'POST',
            headers: { authorization: `Bearer ${sam.token}` },
            body: form
        });
        const [contentUrl] = ((await upload.json()) as { files: string[] }).files;
        const head = await fetch(contentUrl, { method: 'HEAD', headers: { authorization: `Bearer ${avery.token}` } });
        assert.equal(head.status, 200);
        assert.equal(head.headers.get('content-disposition'), 'attachment; filename="pricing.csv"');
        assert.equal(head.headers.get('content-type'), 'text/csv');
        assert.equal(head.headers.get('content-length'), '27');
        assert.equal(await head.text(), '', 'no body');
        const get = await fetch(contentUrl, { headers: { authorization: `Bearer ${avery.token}` } });
        for (const name of ['content-disposition', 'content-type', 'content-length'])
            assert.equal(get.headers.get(name), head.headers.get(name), `GET and HEAD agree on ${name}`);

        assert.equal((await fetch(contentUrl, { method: 'HEAD' })).status, 401, 'the token is needed');
        const samOnly = (await sam.post<Item>('/v1/rooms', { title: 'Sam only' })).body;
        const [hidden] = (
            await sam.post<{ files: string[] }>('/v1/messages', {
                roomId: samOnly.id,
                files: ['https://files.acme-robotics.example/q.pdf']
            })
        ).body.files;
        const refused = await fetch(hidden, { method: 'HEAD', headers: { authorization: `Bearer ${camille.token}` } });
        assert.equal(refused.status, 404, 'not a member: the file does not exist for her');

        // Shared by URL: the emulator holds no bytes (no size), but names the file.
        const [shared] = (
            await sam.post<{ files: string[] }>('/v1/messages', {
                roomId: room.id,
                files: ['https://files.acme-robotics.example/quote%202027.pdf']
            })
        ).body.files;
        const sharedHead = await fetch(shared, { method: 'HEAD', headers: { authorization: `Bearer ${sam.token}` } });
        assert.equal(sharedHead.status, 200);
        assert.equal(sharedHead.headers.get('content-disposition'), 'attachment; filename="quote 2027.pdf"');

        // A browser reads the name across origins only when the header is exposed (Fetch › CORS protocol).
        const preflight = await fetch(contentUrl, {
            method: 'OPTIONS',
            headers: { origin: 'https://acme.lightning.force.com', 'access-control-request-method': 'HEAD' }
        });
        assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /HEAD/);
        assert.match(preflight.headers.get('access-control-expose-headers') ?? '', /content-disposition/);
    });

    it('invites by email someone Webex does not know: a pending person, a membership, no sign-in', async () => {
        const room = (await sam.post<Item>('/v1/rooms', { title: 'Acme Robotics – deal room' })).body;
        const email = 'lea.muller@customer.example';
        const invited = await sam.post<Item>('/v1/memberships', { roomId: room.id, personEmail: email });
        assert.equal(invited.status, 200);
        assert.equal(invited.body.personEmail, email);
        assert.equal(invited.body.personDisplayName, email, 'Webex shows the email until they give a name');
        assert.notEqual(
            invited.body.personOrgId,
            emulator.state.userByEmail(SAM)?.orgId,
            'not in the inviter’s organization'
        );
        const person = await sam.get<Item>(`/v1/people/${invited.body.personId}`);
        assert.equal(person.body.status, 'pending', 'never signed in');
        const members = (await sam.get<List>(`/v1/memberships?roomId=${room.id}`)).body.items;
        assert.ok(members.some((m) => m.personEmail === email));
        // The same email again is the same person, already a member.
        assert.equal((await sam.post('/v1/memberships', { roomId: room.id, personEmail: email })).status, 409);
        // An invited person has no account yet: no token, not on the sign-in page.
        const users = (await sam.get<{ items: Array<Record<string, unknown>> }>('/_emulator/users')).body.items;
        const listed = users.find((u) => u.email === email);
        assert.equal(listed?.invitePending, true);
        assert.equal(listed?.accessToken, undefined);
        assert.ok(!emulator.state.oauth.signInCandidates().some((u) => u.emails.includes(email)));

        assert.equal(
            (await sam.post('/v1/memberships', { roomId: room.id, personEmail: 'not an email' })).status,
            400,
            'a typo is not invited'
        );
        assert.equal(
            (
                await sam.post('/v1/memberships', {
                    roomId: room.id,
                    personId: 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9ub2JvZHk'
                })
            ).status,
            400,
            'an id Webex does not know is refused'
        );
    });

    it('adds and removes members, refusing duplicates and additions to a direct room', async () => {
        const room = (await sam.post<Item>('/v1/rooms', { title: 'Deal desk' })).body;
        const added = await sam.post<Item>('/v1/memberships', { roomId: room.id, personEmail: CAMILLE });
        assert.equal(added.status, 200);
        assert.equal(added.body.personDisplayName, 'Camille Vente');
        assert.equal((await sam.post('/v1/memberships', { roomId: room.id, personEmail: CAMILLE })).status, 409);
        const mine = (await camille.get<List>('/v1/memberships')).body.items;
        assert.ok(
            mine.some((m) => m.roomId === room.id),
            "without roomId: the user's own memberships"
        );
        const byEmail = await sam.get<List>(
            `/v1/memberships?roomId=${room.id}&personEmail=${encodeURIComponent(CAMILLE)}`
        );
        assert.deepEqual(
            byEmail.body.items.map((m) => m.id),
            [added.body.id]
        );
        assert.equal((await sam.get(`/v1/memberships?personEmail=${encodeURIComponent(CAMILLE)}`)).status, 400);
        assert.equal((await sam.call('DELETE', `/v1/memberships/${added.body.id}`)).status, 204);
        assert.equal((await camille.get(`/v1/rooms/${room.id}`)).status, 404, 'gone with the membership');
        const direct = (await sam.get<List>('/v1/rooms?type=direct')).body.items[0];
        assert.equal((await sam.post('/v1/memberships', { roomId: direct.id, personEmail: AVERY })).status, 400);
    });

    it('reads a multipart body: fields and files', () => {
        const body = Buffer.from(
            '--b\r\nContent-Disposition: form-data; name="roomId"\r\n\r\nR1\r\n' +
                '--b\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b--\r\n'
        );
        const parsed = parseMultipart(body, 'b');
        assert.deepEqual(parsed.fields, { roomId: 'R1' });
        assert.equal(parsed.files[0].filename, 'a.txt');
        assert.equal(parsed.files[0].data.toString(), 'hello');
    });
});
