/**
 * The emulated org holds the same rules as an org where tests rely on them: seeded sample data with
 * valid ids, UI API answers and refusals, and events that reach only the users they address.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { EmulatedOrg } from './org-state.ts';
import { toCaseSafeId } from './salesforce-id.ts';
import { createOrgHandler } from './server.ts';

let org: EmulatedOrg;
let server: Server;
let base: string;

async function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${base}${path}`, { headers });
    return { status: response.status, body: await response.json() };
}

describe('Emulated org', () => {
    before(async () => {
        org = new EmulatedOrg('http://127.0.0.1:9');
        const handle = createOrgHandler(org);
        server = createServer((req, res) => {
            void handle(req, res, new URL(req.url ?? '/', 'http://localhost'));
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        const address = server.address();
        base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('is seeded from data/ with at least 50 contacts and 50 leads, users and profiles', () => {
        assert.ok(org.records.list('Contact').length >= 50);
        assert.ok(org.records.list('Lead').length >= 50);
        assert.ok(org.records.list('User').length >= 3);
        assert.ok(org.records.list('Profile').some((p) => p.Name === 'System Administrator'));
        assert.equal(org.user.name, 'Avery Admin', 'the administrator is signed in by default');
    });

    it('gives records 18-character ids whose suffix Salesforce would compute', () => {
        for (const contact of org.records.list('Contact')) {
            assert.match(contact.Id, /^003[a-zA-Z0-9]{15}$/);
            assert.equal(toCaseSafeId(contact.Id.slice(0, 15)), contact.Id);
        }
        assert.equal(toCaseSafeId('001000000000001'), '001000000000001AAA');
    });

    it('answers getRecord with the lookup name, and refuses an unknown field as the UI API does', async () => {
        const contact = org.records.list('Contact').find((c) => c.AccountId);
        assert.ok(contact);
        const ok = await get(`/_org/ui-api/records/${contact.Id}?fields=Contact.Phone,Contact.Account.Name`);
        assert.equal(ok.status, 200);
        const fields = (ok.body as UiRecord).fields;
        assert.equal(fields.Phone.value, contact.Phone);
        const account = org.records.get(String(contact.AccountId));
        assert.equal(fields.Account.displayValue, account?.Name);
        const refused = await get(`/_org/ui-api/records/${contact.Id}?fields=Contact.NoSuchField__c`);
        assert.equal(refused.status, 400);
        assert.equal((refused.body as Array<{ errorCode: string }>)[0].errorCode, 'INVALID_FIELD');
        const optional = await get(`/_org/ui-api/records/${contact.Id}?optionalFields=Contact.NoSuchField__c`);
        assert.equal(optional.status, 200, 'an unknown optional field is left out, not refused');
    });

    it('speaks the user language in object info', async () => {
        const info = await get('/_org/ui-api/object-info/Lead', { 'x-wb-lang': 'fr' });
        assert.equal((info.body as UiObjectInfo).labelPlural, 'Pistes');
    });

    it('delivers an event addressed to one user to that user only', async () => {
        const [sam, camille] = ['sam.rep@acme-webex.example', 'camille.vente@acme-webex.example'].map(
            (email) => org.records.list('User').find((u) => u.Email === email)?.Id ?? ''
        );
        const received: Record<string, string[]> = { sam: [], camille: [] };
        const controllers = [new AbortController(), new AbortController()];
        const listen = async (who: 'sam' | 'camille', userId: string, signal: AbortSignal): Promise<void> => {
            const response = await fetch(`${base}/_org/events?channel=/event/Test__e&user=${userId}`, { signal });
            const reader = response.body?.getReader();
            const decoder = new TextDecoder();
            for (;;) {
                const chunk = await reader?.read().catch(() => undefined);
                if (!chunk || chunk.done) return;
                for (const line of decoder.decode(chunk.value).split('\n'))
                    if (line.startsWith('data: ')) received[who].push(line.slice(6));
            }
        };
        const streams = [listen('sam', sam, controllers[0].signal), listen('camille', camille, controllers[1].signal)];
        await new Promise((resolve) => setTimeout(resolve, 200));
        org.publish('/event/Test__e', { n: 1 }, [sam]);
        org.publish('/event/Test__e', { n: 2 }, null);
        await new Promise((resolve) => setTimeout(resolve, 200));
        controllers.forEach((c) => c.abort());
        await Promise.all(streams);
        const payloads = (who: string) =>
            received[who].map((d) => (JSON.parse(d) as { payload: { n: number } }).payload.n);
        assert.deepEqual(payloads('sam'), [1, 2]);
        assert.deepEqual(payloads('camille'), [2], 'an event addressed to Sam never reaches Camille');
    });
});
