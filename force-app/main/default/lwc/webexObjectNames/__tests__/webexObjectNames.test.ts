import { createElement } from 'lwc';
import { AccountNamesElement, DEFAULT_OBJECT_NAMES, ObjectNamesElement, withObjectInfo } from 'c/webexObjectNames';
import { emitLeadRenamed, emitObjectInfo } from '../../../../../test/jest-utils/objectInfo';

jest.mock('@salesforce/label/c.WebexObjectNames_Account', () => ({ default: 'Account' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexObjectNames_Accounts', () => ({ default: 'Accounts' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexPeople_Contact', () => ({ default: 'Contact' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexPeople_Contacts', () => ({ default: 'Contacts' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexPeople_Lead', () => ({ default: 'Lead' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexPeople_Leads', () => ({ default: 'Leads' }), { virtual: true });

type Host = HTMLElement & { shadowRoot: ShadowRoot };
type Instance = { objectNames: typeof DEFAULT_OBJECT_NAMES };

const probes: Instance[] = [];
/** A component that names the objects: what its subclass would read. */
class Probe extends ObjectNamesElement {
    connectedCallback(): void {
        probes.push(this as unknown as Instance);
    }
}
/** A component that also names the caller's account. */
class AccountProbe extends AccountNamesElement {
    connectedCallback(): void {
        probes.push(this as unknown as Instance);
    }
}

describe('c/webexObjectNames', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        probes.length = 0;
    });

    it('names the objects by their usual names until the schema answers', () => {
        expect(DEFAULT_OBJECT_NAMES).toEqual({
            Account: { label: 'Account', labelPlural: 'Accounts' },
            Contact: { label: 'Contact', labelPlural: 'Contacts' },
            Lead: { label: 'Lead', labelPlural: 'Leads' }
        });
        expect(withObjectInfo(DEFAULT_OBJECT_NAMES, 'Lead', undefined)).toBe(DEFAULT_OBJECT_NAMES);
        expect(withObjectInfo(DEFAULT_OBJECT_NAMES, 'Lead', { label: '', labelPlural: '' })).toBe(DEFAULT_OBJECT_NAMES);
    });

    it('follows the schema: a renamed Lead is named as the org named it', async () => {
        const element = createElement('c-probe', { is: Probe }) as Host;
        document.body.appendChild(element);
        expect(probes[0].objectNames.Lead.labelPlural).toBe('Leads');
        emitLeadRenamed();
        await Promise.resolve();
        expect(probes[0].objectNames).toEqual({
            Account: { label: 'Account', labelPlural: 'Accounts' },
            Contact: { label: 'Contact', labelPlural: 'Contacts' },
            Lead: { label: 'Prospect', labelPlural: 'Prospects' }
        });
    });

    it('leaves Account to the components that name it', async () => {
        const element = createElement('c-probe', { is: Probe }) as Host;
        document.body.appendChild(element);
        emitObjectInfo('Account', 'Customer', 'Customers');
        await Promise.resolve();
        expect(probes[0].objectNames.Account).toEqual({ label: 'Account', labelPlural: 'Accounts' });
    });

    it('names a renamed Account as the org named it, alongside Contact and Lead', async () => {
        const element = createElement('c-account-probe', { is: AccountProbe }) as Host;
        document.body.appendChild(element);
        emitLeadRenamed();
        emitObjectInfo('Account', 'Customer', 'Customers');
        await Promise.resolve();
        expect(probes[0].objectNames).toEqual({
            Account: { label: 'Customer', labelPlural: 'Customers' },
            Contact: { label: 'Contact', labelPlural: 'Contacts' },
            Lead: { label: 'Prospect', labelPlural: 'Prospects' }
        });
    });
});
