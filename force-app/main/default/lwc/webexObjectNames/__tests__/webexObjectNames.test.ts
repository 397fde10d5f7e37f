import { createElement } from 'lwc';
import { DEFAULT_OBJECT_NAMES, ObjectNamesElement, withObjectInfo } from 'c/webexObjectNames';
import { emitLeadRenamed } from '../../../../../test/jest-utils/objectInfo';

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

describe('c/webexObjectNames', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        probes.length = 0;
    });

    it('names the objects by their usual names until the schema answers', () => {
        expect(DEFAULT_OBJECT_NAMES).toEqual({
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
            Contact: { label: 'Contact', labelPlural: 'Contacts' },
            Lead: { label: 'Prospect', labelPlural: 'Prospects' }
        });
    });
});
