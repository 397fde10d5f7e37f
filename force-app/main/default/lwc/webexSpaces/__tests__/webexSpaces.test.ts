import { createElement } from 'lwc';
import WebexSpaces from 'c/webexSpaces';
import { inLoadState } from '../../../../../test/jest-utils/loadState';
import getSpaces from '@salesforce/apex/WebexSpacesController.getSpaces';
import { refreshRegistered, registeredCount } from '../../../../../test/jest-mocks/lightning/refresh';

jest.mock('@salesforce/apex/WebexSpacesController.getSpaces', () => ({ default: jest.fn() }), { virtual: true });
// The children are the components' own tests' business: here they wait forever for their data.
jest.mock('c/webexMessagingSession', () => ({
    ...jest.requireActual('c/webexMessagingSession'),
    getMessagingSession: jest.fn(() => new Promise(() => undefined))
}));
jest.mock(
    '@salesforce/apex/WebexSpacesController.getRecordPeople',
    () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
    {
        virtual: true
    }
);
jest.mock(
    '@salesforce/apex/WebexSpacesController.searchPeople',
    () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
    {
        virtual: true
    }
);
jest.mock(
    '@salesforce/apex/WebexSpacesController.createSpace',
    () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
    {
        virtual: true
    }
);
jest.mock(
    '@salesforce/apex/WebexSpacesController.addPeople',
    () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
    {
        virtual: true
    }
);
jest.mock(
    '@salesforce/apex/WebexSpacesController.getRecordFiles',
    () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
    {
        virtual: true
    }
);
jest.mock(
    '@salesforce/apex/WebexUserConnectionController.getConnection',
    () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
    {
        virtual: true
    }
);
jest.mock(
    '@salesforce/apex/WebexUserConnectionController.startConnection',
    () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
    {
        virtual: true
    }
);
jest.mock(
    '@salesforce/apex/WebexUserConnectionController.disconnect',
    () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
    {
        virtual: true
    }
);
jest.mock('@salesforce/label/c.WebexSpaces_CreatedBy', () => ({ default: 'Created by {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexSpaces_Created', () => ({ default: 'Space “{0}” created.' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexSpaces_NotAdded', () => ({ default: 'Not added: {0}.' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexSpaces_ReasonNoEmail', () => ({ default: '{0} (no email)' }), { virtual: true });

const mockGetSpaces = jest.mocked(getSpaces);

type Host = HTMLElement & { recordId?: string };
type Child = HTMLElement & { spaceId?: string | null; title?: string; recordId?: string };

const CONNECTED: WebexUserConnection = {
    available: true,
    connected: true,
    displayName: 'Rep',
    email: 'rep@example.com',
    connectedAt: '2026-12-01T00:00:00Z',
    problem: null
};
const SPACE: WebexSpaceSummary = {
    linkId: 'a0A1',
    spaceId: 'room-1',
    title: 'Acme renewal',
    createdByName: 'Rep One',
    createdDate: '2026-12-06T10:00:00Z',
    webexUrl: 'webexteams://im?space=1'
};

async function settle(): Promise<void> {
    await Array.from({ length: 10 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

async function mount(answer: Promise<WebexRecordSpaces>): Promise<Host> {
    mockGetSpaces.mockReturnValue(answer);
    const element = createElement('c-webex-spaces', { is: WebexSpaces }) as Host;
    document.body.appendChild(element);
    element.recordId = '006000000000001AAA';
    await settle();
    return element;
}

function $(element: Host, selector: string): Child | null {
    return element.shadowRoot!.querySelector(selector);
}

describe('c-webex-spaces', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.clearAllMocks();
    });

    it('says there is no space yet and offers to create one', async () => {
        const element = await mount(Promise.resolve({ spaces: [], connection: CONNECTED }));
        expect(mockGetSpaces).toHaveBeenCalledWith({ recordId: '006000000000001AAA' });
        expect($(element, '[data-empty]')?.textContent).toBe('c.WebexSpaces_Empty');
        ($(element, '[data-action="create"]') as HTMLElement).click();
        await settle();
        const form = $(element, 'c-webex-space-form') as Child;
        expect(form.recordId).toBe('006000000000001AAA');
        expect(form.spaceId).toBeNull();
        expect($(element, '[data-form-title]')?.textContent).toBe('c.WebexSpaces_CreateSpace');
    });

    it('lists the spaces with who created them, opens one in place, and goes back', async () => {
        const element = await mount(Promise.resolve({ spaces: [SPACE], connection: CONNECTED }));
        expect($(element, '[data-space="room-1"]')?.textContent).toContain('Created by Rep One');
        expect(($(element, '[data-space="room-1"] [data-open-in-webex]') as unknown as HTMLAnchorElement).href).toBe(
            'webexteams://im?space=1'
        );
        await expect(element).toBeAccessible();
        ($(element, '[data-action="open"]') as HTMLElement).click();
        await settle();
        const view = $(element, 'c-webex-space-view') as Child;
        expect(view.spaceId).toBe('room-1');
        expect(view.title).toBe('Acme renewal');
        expect(view.recordId).toBe('006000000000001AAA');
        ($(element, '[data-action="back"]') as HTMLElement).click();
        await settle();
        expect($(element, 'c-webex-space-view')).toBeNull();
        expect($(element, '[data-space="room-1"]')).not.toBeNull();
    });

    it('shows the connection card to a rep who has not connected Webex, and the spaces once connected', async () => {
        const element = await mount(
            Promise.resolve({ spaces: [], connection: { ...CONNECTED, connected: false, displayName: null } })
        );
        const card = $(element, 'c-webex-user-connect') as Child;
        expect(card).not.toBeNull();
        expect($(element, '[data-empty]')).toBeNull();
        mockGetSpaces.mockResolvedValue({ spaces: [SPACE], connection: CONNECTED });
        card.dispatchEvent(new CustomEvent('connectionchange', { detail: CONNECTED }));
        await settle();
        expect($(element, 'c-webex-user-connect')).toBeNull();
        expect($(element, '[data-space="room-1"]')).not.toBeNull();
    });

    it('shows the connection card when the connection lacks the messaging permissions', async () => {
        const element = await mount(
            Promise.resolve({ spaces: [SPACE], connection: { ...CONNECTED, problem: 'Reconnect Webex to use chat.' } })
        );
        expect($(element, 'c-webex-user-connect')).not.toBeNull();
        expect($(element, '[data-spaces]')).toBeNull();
    });

    it('says why the spaces could not be loaded, and tries again', async () => {
        const element = await mount(Promise.reject(new Error('Salesforce is away')));
        expect(inLoadState(element, '[data-load-error]')?.textContent).toBe('c.WebexError_Generic');
        mockGetSpaces.mockResolvedValue({ spaces: [SPACE], connection: CONNECTED });
        (inLoadState(element, '[data-action="retry"]') as HTMLElement).click();
        await settle();
        expect($(element, '[data-space="room-1"]')).not.toBeNull();
    });

    it('opens the space it created and says who was not added', async () => {
        const element = await mount(Promise.resolve({ spaces: [], connection: CONNECTED }));
        ($(element, '[data-action="create"]') as HTMLElement).click();
        await settle();
        const created: WebexCreatedSpace = {
            space: SPACE,
            added: ['Olivia Martin'],
            notAdded: [{ name: 'Noah Kim', reason: 'no_email' }]
        };
        ($(element, 'c-webex-space-form') as HTMLElement).dispatchEvent(new CustomEvent('done', { detail: created }));
        await settle();
        expect($(element, '[data-summary-created]')?.textContent).toBe('Space “Acme renewal” created.');
        expect($(element, '[data-summary-not-added]')?.textContent).toBe('Not added: Noah Kim (no email).');
        expect(($(element, 'c-webex-space-view') as Child).spaceId).toBe('room-1');
        ($(element, '[data-action="dismiss"]') as HTMLElement).click();
        ($(element, '[data-action="back"]') as HTMLElement).click();
        await settle();
        expect($(element, '[data-summary]')).toBeNull();
        expect($(element, '[data-space="room-1"]')).not.toBeNull();
    });

    it('adds people to a space with the same form, and cancels back to the space', async () => {
        const element = await mount(Promise.resolve({ spaces: [SPACE], connection: CONNECTED }));
        ($(element, '[data-action="add-people"]') as HTMLElement).click();
        await settle();
        expect(($(element, 'c-webex-space-form') as Child).spaceId).toBe('room-1');
        ($(element, 'c-webex-space-form') as HTMLElement).dispatchEvent(new CustomEvent('cancel'));
        await settle();
        expect(($(element, 'c-webex-space-view') as Child).spaceId).toBe('room-1');
        ($(element, '[data-action="add-people-open"]') as HTMLElement).click();
        await settle();
        expect(($(element, 'c-webex-space-form') as Child).spaceId).toBe('room-1');
    });

    it('offers no "Add people" for a space that is gone, and offers it again for the next space', async () => {
        const element = await mount(Promise.resolve({ spaces: [SPACE], connection: CONNECTED }));
        ($(element, '[data-action="open"]') as HTMLElement).click();
        await settle();
        expect($(element, '[data-action="add-people-open"]')).not.toBeNull();
        ($(element, 'c-webex-space-view') as HTMLElement).dispatchEvent(new CustomEvent('spacegone'));
        await settle();
        expect($(element, '[data-action="add-people-open"]')).toBeNull();
        ($(element, '[data-action="back"]') as HTMLElement).click();
        await settle();
        ($(element, '[data-action="open"]') as HTMLElement).click();
        await settle();
        expect($(element, '[data-action="add-people-open"]')).not.toBeNull();
    });

    it('shows a space created elsewhere on the page when the page refreshes, and keeps the open space open', async () => {
        const element = await mount(Promise.resolve({ spaces: [SPACE], connection: CONNECTED }));
        ($(element, '[data-action="open"]') as HTMLElement).click();
        await settle();
        const other: WebexSpaceSummary = { ...SPACE, linkId: 'a0A2', spaceId: 'room-2', title: 'Acme rollout' };
        mockGetSpaces.mockResolvedValue({ spaces: [other, SPACE], connection: CONNECTED });
        await expect(refreshRegistered()).resolves.toEqual([true]);
        await settle();
        expect(mockGetSpaces).toHaveBeenCalledTimes(2);
        expect(($(element, 'c-webex-space-view') as Child).spaceId).toBe('room-1');
        ($(element, '[data-action="back"]') as HTMLElement).click();
        await settle();
        expect($(element, '[data-space="room-2"]')).not.toBeNull();
        expect($(element, '[data-space="room-1"]')).not.toBeNull();
    });

    it('keeps the list when the refresh cannot read the spaces, and leaves the refresh when it leaves the page', async () => {
        const element = await mount(Promise.resolve({ spaces: [SPACE], connection: CONNECTED }));
        mockGetSpaces.mockRejectedValue(new Error('Salesforce is away'));
        await expect(refreshRegistered()).resolves.toEqual([true]);
        await settle();
        expect($(element, '[data-space="room-1"]')).not.toBeNull();
        expect(inLoadState(element, '[data-load-error]')).toBeNull();
        document.body.removeChild(element);
        expect(registeredCount()).toBe(0);
    });
});
