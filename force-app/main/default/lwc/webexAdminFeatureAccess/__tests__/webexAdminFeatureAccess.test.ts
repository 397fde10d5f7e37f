import '../../../../../test/jest-utils/adminApex';
import WebexAdminFeatureAccess, { FEATURES } from 'c/webexAdminFeatureAccess';
import getFeatureAccess from '@salesforce/apex/WebexEnablementController.getFeatureAccess';
import { deepQuery } from '../../../../../test/jest-utils/shadowQuery';
import accessNobody from '../../../../../test/jest-utils/data/accessNobody.json';
import { type Host, mountSection, flushPromises, resetPage } from '../../../../../test/jest-utils/adminSection';

const mockGet = jest.mocked(getFeatureAccess);

type EnablementHost = HTMLElement & { shadowRoot: ShadowRoot; feature: string; label: string; description: string };

async function mount(): Promise<Host> {
    mockGet.mockImplementation(({ feature }) =>
        Promise.resolve({ ...(accessNobody as WebexFeatureAccessState), feature })
    );
    return mountSection('c-webex-admin-feature-access', WebexAdminFeatureAccess, {}, flushPromises);
}

describe('c-webex-admin-feature-access', () => {
    afterEach(resetPage);

    it('titles the section and explains it', async () => {
        const element = await mount();
        // Through the section frame, which keeps the title and help in its own shadow root.
        expect(deepQuery(element.shadowRoot, '[data-heading]')?.textContent?.trim()).toBe('c.WebexAccess_Title');
        expect(deepQuery(element.shadowRoot, '[data-help]')?.textContent).toBe('c.WebexAccess_Help');
        await expect(element).toBeAccessible();
    });

    it('gives every feature without a section of its own a switch and list, in the guide order', async () => {
        const element = await mount();
        const editors = [...element.shadowRoot.querySelectorAll('c-webex-admin-enablement')] as EnablementHost[];
        // The call logs, call history and instant chat have their own sections (webexAdminCallLog,
        // webexAdminCallHistory, webexAdminChat).
        expect(editors.map((editor) => editor.feature)).toEqual(['MeetingLogs', 'WebinarImport']);
        expect(editors.map((editor) => editor.label)).toEqual(FEATURES.map((feature) => feature.label));
        expect(editors[0].label).toBe('c.WebexAccess_MeetingLogs');
        expect(editors[0].description).toBe('c.WebexAccess_MeetingLogsHelp');
        // Each one loads its own state.
        expect(mockGet.mock.calls.map(([params]) => params.feature)).toEqual(editors.map((editor) => editor.feature));
        expect(deepQuery(editors[1].shadowRoot, 'h3')?.textContent).toBe('c.WebexAccess_WebinarImport');
    });
});
