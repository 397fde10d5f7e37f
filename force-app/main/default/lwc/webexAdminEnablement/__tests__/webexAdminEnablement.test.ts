import '../../../../../test/jest-utils/adminApex';
import { createElement } from 'lwc';
import WebexAdminEnablement, { MIN_SEARCH_LENGTH, SEARCH_DEBOUNCE_MS } from 'c/webexAdminEnablement';
import getFeatureAccess from '@salesforce/apex/WebexEnablementController.getFeatureAccess';
import saveFeatureAccess from '@salesforce/apex/WebexEnablementController.saveFeatureAccess';
import searchProfilesAndUsers from '@salesforce/apex/WebexEnablementController.searchProfilesAndUsers';
import accessForAll from './data/accessForAll.json';
import accessNobody from '../../../../../test/jest-utils/data/accessNobody.json';
import accessProfileAndUsers from './data/accessProfileAndUsers.json';
import notAdminRejection from '../../../../../test/jest-utils/data/notAdminRejection.json';
import notEligibleRejection from './data/notEligibleRejection.json';
import salesforceUnreachableRejection from '../../../../../test/jest-utils/data/salesforceUnreachableRejection.json';
import searchResultsSa from './data/searchResultsSa.json';
import {
    settle,
    $,
    text,
    toasts,
    saveButton,
    resetPage,
    pending,
    setChecked,
    type ButtonStub
} from '../../../../../test/jest-utils/adminSection';

// English values where a test reads a filled-in label; other labels read as their name (c.Label_Name).
jest.mock('@salesforce/label/c.WebexAccess_Remove', () => ({ default: 'Remove {0} ({1})' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexAccess_Added', () => ({ default: '{0} added. Save to apply.' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.WebexAccess_Removed', () => ({ default: '{0} removed. Save to apply.' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.WebexAccess_Saved', () => ({ default: 'Saved: {0}.' }), { virtual: true });
jest.mock(
    '@salesforce/label/c.WebexAccess_NoResults',
    () => ({ default: 'No profile or active user matches “{0}”.' }),
    {
        virtual: true
    }
);
jest.mock('@salesforce/label/c.WebexAccess_ResultsCount', () => ({ default: '{0} found.' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexAccess_SearchFailed', () => ({ default: 'Search failed: {0}' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.WebexAccess_TypeProfile', () => ({ default: 'Profile' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexAccess_TypeUser', () => ({ default: 'User' }), { virtual: true });
jest.mock(
    '@salesforce/label/c.WebexError_SalesforceUnreachable',
    () => ({ default: 'Salesforce could not be reached. Check your network connection, then try again.' }),
    { virtual: true }
);

const mockGet = jest.mocked(getFeatureAccess);
const mockSave = jest.mocked(saveFeatureAccess);
const mockSearch = jest.mocked(searchProfilesAndUsers);

const NOT_ADMIN = 'You need the Webex Admin permission set to view or change Webex settings.';
const LABEL = 'Webex Outbound Call Log';

type Host = HTMLElement & {
    shadowRoot: ShadowRoot;
    feature?: string;
    label: string;
    description: string;
    switchLabel: string;
};
type ButtonIconStub = HTMLElement & { alternativeText: string; iconName: string; disabled: boolean };
type IconStub = HTMLElement & { iconName: string; alternativeText: string };

function mount(props: Partial<Pick<Host, 'feature' | 'label' | 'description' | 'switchLabel'>> = {}): Host {
    const element = createElement('c-webex-admin-enablement', { is: WebexAdminEnablement }) as Host;
    Object.assign(element, { feature: 'OutboundCallLog', label: LABEL, ...props });
    document.body.appendChild(element);
    return element;
}

async function mountWith(state: WebexFeatureAccessState): Promise<Host> {
    mockGet.mockResolvedValue(state);
    const element = mount();
    await settle();
    return element;
}

function $$(element: Host, selector: string): HTMLElement[] {
    return [...element.shadowRoot.querySelectorAll<HTMLElement>(selector)];
}

function toggle(element: Host): HTMLInputElement {
    return $(element, 'input[data-switch]') as HTMLInputElement;
}

function searchField(element: Host): HTMLInputElement {
    return $(element, 'input[data-search]') as HTMLInputElement;
}

function granteeNames(element: Host): string[] {
    return $$(element, '[data-grantee] .grantee-name').map((node) => node.textContent ?? '');
}

function options(element: Host): HTMLElement[] {
    return $$(element, '[role="option"]');
}

async function flip(element: Host, checked: boolean): Promise<void> {
    const input = toggle(element);
    await setChecked(input, checked);
}

/** Types into the search field as a person does, one input event per character. */
async function type(element: Host, value: string): Promise<void> {
    const input = searchField(element);
    for (let i = 1; i <= value.length; i += 1) {
        input.value = value.slice(0, i);
        input.dispatchEvent(new CustomEvent('input'));
    }
    await settle();
}

async function press(element: Host, key: string): Promise<KeyboardEvent> {
    const event = new KeyboardEvent('keydown', { key, cancelable: true, bubbles: true });
    searchField(element).dispatchEvent(event);
    await settle();
    return event;
}

/** Types a term and lets the debounced search run and answer. */
async function searchFor(element: Host, term: string, results: WebexFeatureGrantee[]): Promise<void> {
    mockSearch.mockResolvedValue(results);
    await type(element, term);
    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    await settle();
}

describe('c-webex-admin-enablement', () => {
    beforeEach(() => {
        jest.useFakeTimers();
    });

    afterEach(() => {
        resetPage();
        jest.useRealTimers();
    });

    it('loads who has the feature, and offers the search with an empty list when nobody has it', async () => {
        const element = await mountWith(accessNobody as WebexFeatureAccessState);
        expect(mockGet).toHaveBeenCalledWith({ feature: 'OutboundCallLog' });
        expect(text(element, 'h3')).toBe(LABEL);
        expect(toggle(element).checked).toBe(false);
        expect(toggle(element).getAttribute('role')).toBe('switch');
        // Six switches share the page: each one's name starts with its feature.
        expect(toggle(element).closest('label')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
            `${LABEL}: c.WebexAccess_EnableForAll`
        );
        expect($(element, '[data-picker] legend')?.textContent).toBe('c.WebexAccess_OnlyThese');
        expect($(element, '[data-empty]')?.textContent?.trim()).toBe('c.WebexAccess_Empty');
        expect(saveButton(element).disabled).toBe(true);
        expect($(element, '[data-unsaved]')).toBeNull();
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('shows the description under the name when there is one', async () => {
        mockGet.mockResolvedValue(accessNobody as WebexFeatureAccessState);
        const element = mount({ description: 'Users log each outbound call as a Task.' });
        await settle();
        expect(text(element, '[data-help]')).toBe('Users log each outbound call as a Task.');
    });

    it("says the admin guide's words on the switch when the feature has its own, without the prefix", async () => {
        mockGet.mockResolvedValue(accessNobody as WebexFeatureAccessState);
        const element = mount({ feature: 'InstantChat', switchLabel: 'Enable instant chat for all profiles/users' });
        await settle();
        expect(toggle(element).closest('label')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
            'Enable instant chat for all profiles/users'
        );
        expect(text(element, 'h3')).toBe(LABEL);
    });

    it('lists profiles and users by name, with their type icon, an inactive badge and a named remove button', async () => {
        const element = await mountWith(accessProfileAndUsers as WebexFeatureAccessState);
        expect(granteeNames(element)).toEqual(['Custom: Sales Rep', 'Fran Former', 'Sam Rep']);
        const icons = $$(element, '[data-grantee] lightning-icon') as IconStub[];
        expect(icons.map((icon) => icon.iconName)).toEqual(['standard:user_role', 'standard:user', 'standard:user']);
        expect(icons.map((icon) => icon.alternativeText)).toEqual(['Profile', 'User', 'User']);
        expect(text(element, '[data-grantee="0055g000000SamRepAAA"] .slds-text-body_small')).toBe(
            'User • sam.rep@acme-webex.example.wb'
        );
        expect($(element, '[data-grantee="0055g000000FormerAAA"] lightning-badge')).not.toBeNull();
        expect($(element, '[data-grantee="0055g000000SamRepAAA"] lightning-badge')).toBeNull();
        const removes = $$(element, 'lightning-button-icon[data-remove]') as ButtonIconStub[];
        expect(removes.map((button) => button.alternativeText)).toEqual([
            'Remove Custom: Sales Rep (Profile)',
            'Remove Fran Former (User)',
            'Remove Sam Rep (User)'
        ]);
        expect(removes.every((button) => button.iconName === 'utility:delete')).toBe(true);
        expect($(element, 'ul[data-grantees]')?.getAttribute('aria-label')).toBe('c.WebexAccess_ListLabel');
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('hides the picker while the feature is on for all, and keeps the list for when it is turned off', async () => {
        const element = await mountWith(accessForAll as WebexFeatureAccessState);
        expect(toggle(element).checked).toBe(true);
        expect($(element, '[data-picker]')).toBeNull();
        expect(text(element, '[data-all-on]')).toBe('c.WebexAccess_AllOnHelp');
        await flip(element, false);
        expect(granteeNames(element)).toEqual(['Custom: Sales Rep']);
        expect(text(element, '[data-unsaved]')).toBe('c.WebexAccess_Unsaved');
        expect(saveButton(element).disabled).toBe(false);
        await flip(element, true);
        expect($(element, '[data-unsaved]')).toBeNull();
        expect(saveButton(element).disabled).toBe(true);
    });

    it('asks for 2 characters and never searches with one', async () => {
        const element = await mountWith(accessNobody as WebexFeatureAccessState);
        expect(MIN_SEARCH_LENGTH).toBe(2);
        await type(element, ' S ');
        jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS * 2);
        await settle();
        expect(text(element, '[data-search-hint]')).toBe('c.WebexAccess_SearchTooShort');
        expect(mockSearch).not.toHaveBeenCalled();
        expect(searchField(element).getAttribute('aria-expanded')).toBe('false');
    });

    it('searches once the typing pauses, with the last term, and lists the results as options', async () => {
        const element = await mountWith(accessProfileAndUsers as WebexFeatureAccessState);
        mockSearch.mockResolvedValue(searchResultsSa as WebexFeatureGrantee[]);
        await type(element, 'Sas');
        expect(text(element, '[data-search-hint]')).toBe('c.WebexAccess_Searching');
        jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 1);
        expect(mockSearch).not.toHaveBeenCalled();
        jest.advanceTimersByTime(1);
        await settle();
        expect(mockSearch).toHaveBeenCalledTimes(1);
        expect(mockSearch).toHaveBeenCalledWith({ searchTerm: 'Sas' });
        const found = options(element);
        expect(found.map((option) => option.querySelector('.slds-listbox__option-text')?.textContent)).toEqual([
            'Custom: Sales Rep',
            'Sam Rep',
            'Sasha Support'
        ]);
        // Already chosen: shown, but not offered again.
        expect(found[0].getAttribute('aria-disabled')).toBe('true');
        expect(found[0].textContent).toContain('c.WebexAccess_AlreadyAdded');
        expect(found[2].getAttribute('aria-disabled')).toBeNull();
        // The first one that can be added is highlighted.
        expect(found[2].getAttribute('aria-selected')).toBe('true');
        const field = searchField(element);
        expect(field.getAttribute('aria-expanded')).toBe('true');
        expect(field.getAttribute('aria-activedescendant')).toBe(found[2].id);
        expect(text(element, '[data-search-hint]')).toBe('3 found.');
    });

    it('adds the highlighted result with the keyboard, and closes the list with Escape', async () => {
        const element = await mountWith(accessNobody as WebexFeatureAccessState);
        await searchFor(element, 'Sa', searchResultsSa as WebexFeatureGrantee[]);
        expect(options(element)[0].getAttribute('aria-selected')).toBe('true');
        await press(element, 'ArrowDown');
        await press(element, 'ArrowDown');
        await press(element, 'ArrowDown');
        // From the last option, down goes back to the first; up goes to the last.
        expect(options(element)[0].getAttribute('aria-selected')).toBe('true');
        await press(element, 'ArrowUp');
        expect(options(element)[2].getAttribute('aria-selected')).toBe('true');
        await press(element, 'ArrowUp');
        const enter = await press(element, 'Enter');
        expect(enter.defaultPrevented).toBe(true);
        expect(granteeNames(element)).toEqual(['Sam Rep']);
        expect(searchField(element).value).toBe('');
        expect(options(element)).toHaveLength(0);
        expect(text(element, '[data-announcement]')).toBe('Sam Rep added. Save to apply.');
        expect(text(element, '[data-unsaved]')).toBe('c.WebexAccess_Unsaved');

        await searchFor(element, 'Cu', searchResultsSa as WebexFeatureGrantee[]);
        expect(searchField(element).getAttribute('aria-expanded')).toBe('true');
        const escape = await press(element, 'Escape');
        expect(escape.defaultPrevented).toBe(true);
        expect(searchField(element).getAttribute('aria-expanded')).toBe('false');
        expect(searchField(element).getAttribute('aria-activedescendant')).toBeNull();
        // Closed: Escape is left to the page, Enter adds nothing, the arrows open the list again.
        expect((await press(element, 'Escape')).defaultPrevented).toBe(false);
        await press(element, 'Enter');
        expect(granteeNames(element)).toEqual(['Sam Rep']);
        await press(element, 'ArrowUp');
        expect(searchField(element).getAttribute('aria-expanded')).toBe('true');
        expect(options(element)[2].getAttribute('aria-selected')).toBe('true');
        await press(element, 'Tab');
        expect(granteeNames(element)).toEqual(['Sam Rep']);
    });

    it('adds a result clicked with the mouse without taking the focus from the search field', async () => {
        const element = await mountWith(accessNobody as WebexFeatureAccessState);
        await searchFor(element, 'Sa', searchResultsSa as WebexFeatureGrantee[]);
        const mouseDown = new CustomEvent('mousedown', { cancelable: true });
        options(element)[0].dispatchEvent(mouseDown);
        expect(mouseDown.defaultPrevented).toBe(true);
        options(element)[0].click();
        await settle();
        expect(granteeNames(element)).toEqual(['Custom: Sales Rep']);
        // The same one again is not added twice.
        await searchFor(element, 'Cu', searchResultsSa as WebexFeatureGrantee[]);
        options(element)[0].click();
        await settle();
        expect(granteeNames(element)).toEqual(['Custom: Sales Rep']);
    });

    it('opens the results again on focus and closes them when the field loses the focus', async () => {
        const element = await mountWith(accessNobody as WebexFeatureAccessState);
        await searchFor(element, 'Sa', searchResultsSa as WebexFeatureGrantee[]);
        searchField(element).dispatchEvent(new CustomEvent('blur'));
        await settle();
        expect(searchField(element).getAttribute('aria-expanded')).toBe('false');
        searchField(element).dispatchEvent(new CustomEvent('focus'));
        await settle();
        expect(searchField(element).getAttribute('aria-expanded')).toBe('true');
        await press(element, 'ArrowDown');
        expect(options(element)[1].getAttribute('aria-selected')).toBe('true');
    });

    it('ignores an answer that arrives after a newer search started', async () => {
        const element = await mountWith(accessNobody as WebexFeatureAccessState);
        let answerOld: (value: WebexFeatureGrantee[]) => void = () => undefined;
        mockSearch.mockImplementationOnce(
            () =>
                new Promise((resolve) => {
                    answerOld = resolve;
                })
        );
        await type(element, 'Cu');
        jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
        await settle();
        mockSearch.mockResolvedValueOnce([searchResultsSa[2] as WebexFeatureGrantee]);
        await type(element, 'Sash');
        jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
        await settle();
        answerOld(searchResultsSa as WebexFeatureGrantee[]);
        await settle();
        expect(options(element).map((option) => option.dataset.resultId)).toEqual(['0055g000000SashaAAA']);
        // Shortening the term below 2 characters drops the results and any answer still on its way.
        await type(element, 'S');
        expect(options(element)).toHaveLength(0);
    });

    it('says when nothing matches', async () => {
        const element = await mountWith(accessNobody as WebexFeatureAccessState);
        await searchFor(element, 'zz', []);
        expect(text(element, '[data-search-hint]')).toBe('No profile or active user matches “zz”.');
        expect(searchField(element).getAttribute('aria-expanded')).toBe('false');
    });

    it('keeps every pick and says why when the search fails', async () => {
        const element = await mountWith(accessProfileAndUsers as WebexFeatureAccessState);
        mockSearch.mockRejectedValue(salesforceUnreachableRejection);
        await type(element, 'Jo');
        jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
        await settle();
        const alert = $(element, '[data-search-error]');
        expect(alert?.getAttribute('role')).toBe('alert');
        expect(alert?.textContent?.trim()).toBe(
            'Search failed: Salesforce could not be reached. Check your network connection, then try again.'
        );
        expect(granteeNames(element)).toEqual(['Custom: Sales Rep', 'Fran Former', 'Sam Rep']);
        expect(searchField(element).value).toBe('Jo');
        expect($(element, '[data-search-hint]')).toBeNull();
        // Typing again clears the error.
        mockSearch.mockResolvedValue([]);
        await type(element, 'Jor');
        expect($(element, '[data-search-error]')).toBeNull();
    });

    it('removes a profile or user with its button, says so, and moves the focus to the search field', async () => {
        const element = await mountWith(accessProfileAndUsers as WebexFeatureAccessState);
        const remove = $(element, 'lightning-button-icon[data-id="0055g000000SamRepAAA"]') as ButtonIconStub;
        remove.click();
        await settle();
        expect(granteeNames(element)).toEqual(['Custom: Sales Rep', 'Fran Former']);
        expect(text(element, '[data-announcement]')).toBe('Sam Rep removed. Save to apply.');
        expect(element.shadowRoot.activeElement).toBe(searchField(element));
        expect(saveButton(element).disabled).toBe(false);
    });

    it('saves the switch and the list in one call, then says so', async () => {
        const element = await mountWith(accessNobody as WebexFeatureAccessState);
        const seen = toasts(element);
        await searchFor(element, 'Sa', searchResultsSa as WebexFeatureGrantee[]);
        await press(element, 'Enter');
        mockSave.mockResolvedValue({
            feature: 'OutboundCallLog',
            enabledForAll: false,
            grantees: [searchResultsSa[0] as WebexFeatureGrantee]
        });
        saveButton(element).click();
        await settle();
        expect(mockSave).toHaveBeenCalledWith({
            feature: 'OutboundCallLog',
            enabledForAll: false,
            granteeIds: ['00e5g000000SalesAAA']
        });
        expect(text(element, '[data-success]')).toBe(`Saved: ${LABEL}.`);
        expect(seen).toEqual([{ title: LABEL, message: `Saved: ${LABEL}.`, variant: 'success' }]);
        expect(saveButton(element).disabled).toBe(true);
        expect($(element, '[data-unsaved]')).toBeNull();
        // A change after the save replaces the success with "unsaved".
        await flip(element, true);
        expect($(element, '[data-success]')).toBeNull();
        expect(text(element, '[data-unsaved]')).toBe('c.WebexAccess_Unsaved');
    });

    it('keeps every choice on screen, with the reason, when the save fails', async () => {
        const element = await mountWith(accessProfileAndUsers as WebexFeatureAccessState);
        await searchFor(element, 'Sas', searchResultsSa as WebexFeatureGrantee[]);
        await press(element, 'Enter');
        const answer = pending();
        mockSave.mockReturnValue(answer.promise);
        saveButton(element).click();
        await settle();
        expect(text(element, '[data-busy]')).toBe('c.WebexAccess_Saving');
        expect(saveButton(element).disabled).toBe(true);
        expect(toggle(element).disabled).toBe(true);
        answer.reject(notEligibleRejection);
        await settle();
        const alert = $(element, '[role="alert"]');
        expect(alert?.querySelector('h4')?.textContent).toBe('c.WebexAccess_SaveErrorTitle');
        expect(text(element, '[data-save-error]')).toBe(
            'A chosen profile or user (0055g000000SashaAAA) no longer exists or is inactive. Remove it, then save again.'
        );
        expect(granteeNames(element)).toEqual(['Custom: Sales Rep', 'Fran Former', 'Sam Rep', 'Sasha Support']);
        expect(text(element, '[data-unsaved]')).toBe('c.WebexAccess_Unsaved');
        expect(saveButton(element).disabled).toBe(false);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('says why it cannot load, and loads when asked to try again', async () => {
        mockGet.mockRejectedValueOnce(notAdminRejection);
        const element = mount();
        expect(text(element, '[data-busy]')).toBe('c.WebexAccess_Loading');
        await settle();
        expect($(element, '[role="alert"] h4')?.textContent).toBe('c.WebexAccess_LoadErrorTitle');
        expect(text(element, '[data-load-error]')).toBe(NOT_ADMIN);
        expect(toggle(element)).toBeNull();
        expect(saveButton(element)).toBeNull();
        mockGet.mockResolvedValueOnce(accessForAll as WebexFeatureAccessState);
        ($(element, 'lightning-button[data-action="retry"]') as ButtonStub).click();
        await settle();
        expect($(element, '[data-load-error]')).toBeNull();
        expect(toggle(element).checked).toBe(true);
    });

    it('asks nothing without a feature, and forgets a pending search when removed from the page', async () => {
        const bare = mount({ feature: undefined });
        await settle();
        expect(mockGet).not.toHaveBeenCalled();
        expect(toggle(bare)).toBeNull();

        const element = await mountWith(accessNobody as WebexFeatureAccessState);
        await type(element, 'Sam');
        document.body.removeChild(element);
        jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
        await settle();
        expect(mockSearch).not.toHaveBeenCalled();
    });
});
