import { createElement } from 'lwc';
import WebexAdminFeatureAccess, { FEATURES } from 'c/webexAdminFeatureAccess';
import getFeatureAccess from '@salesforce/apex/WebexEnablementController.getFeatureAccess';
import accessNobody from './data/accessNobody.json';

jest.mock('@salesforce/apex/WebexEnablementController.getFeatureAccess', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/WebexEnablementController.saveFeatureAccess', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/WebexEnablementController.searchProfilesAndUsers', () => ({ default: jest.fn() }), {
    virtual: true
});

const mockGet = jest.mocked(getFeatureAccess);

type Host = HTMLElement & { shadowRoot: ShadowRoot };
type CardStub = HTMLElement & { title: string; iconName: string };
type EnablementHost = HTMLElement & { shadowRoot: ShadowRoot; feature: string; label: string; description: string };

function flushPromises(): Promise<void> {
    // A macrotask: every pending Apex promise and the re-render it causes have settled by then.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    return new Promise((resolve) => setTimeout(resolve, 0));
}

async function mount(): Promise<Host> {
    mockGet.mockImplementation(({ feature }) =>
        Promise.resolve({ ...(accessNobody as WebexFeatureAccessState), feature })
    );
    const element = createElement('c-webex-admin-feature-access', { is: WebexAdminFeatureAccess }) as Host;
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

describe('c-webex-admin-feature-access', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.resetAllMocks();
    });

    it('titles the section and explains it', async () => {
        const element = await mount();
        const card = element.shadowRoot.querySelector('lightning-card') as CardStub;
        expect(card.title).toBe('c.WebexAccess_Title');
        expect(element.shadowRoot.querySelector('p')?.textContent).toBe('c.WebexAccess_Help');
        await expect(element).toBeAccessible();
    });

    it('gives every feature without a section of its own a switch and list, in the guide order', async () => {
        const element = await mount();
        const editors = [...element.shadowRoot.querySelectorAll('c-webex-admin-enablement')] as EnablementHost[];
        // The call logs and call history have their own sections (webexAdminCallLog, webexAdminCallHistory).
        expect(editors.map((editor) => editor.feature)).toEqual(['MeetingLogs', 'InstantChat', 'WebinarImport']);
        expect(editors.map((editor) => editor.label)).toEqual(FEATURES.map((feature) => feature.label));
        expect(editors[0].label).toBe('c.WebexAccess_MeetingLogs');
        expect(editors[0].description).toBe('c.WebexAccess_MeetingLogsHelp');
        // Each one loads its own state.
        expect(mockGet.mock.calls.map(([params]) => params.feature)).toEqual(editors.map((editor) => editor.feature));
        expect(editors[2].shadowRoot.querySelector('h3')?.textContent).toBe('c.WebexAccess_WebinarImport');
    });
});
