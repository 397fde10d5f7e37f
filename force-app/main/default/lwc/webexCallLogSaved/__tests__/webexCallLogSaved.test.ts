import { createElement, type LightningElement } from 'lwc';
import WebexCallLogSaved, { type CallLogSummary } from 'c/webexCallLogSaved';

const mockNavigate = jest.fn();
const mockGenerateUrl = jest.fn();
jest.mock('lightning/navigation', () => {
    const Navigate = Symbol('Navigate');
    const GenerateUrl = Symbol('GenerateUrl');
    const NavigationMixin = (Base: new () => object) =>
        class extends Base {
            [Navigate](ref: unknown) {
                mockNavigate(ref);
            }
            [GenerateUrl](ref: unknown) {
                return mockGenerateUrl(ref);
            }
        };
    return { NavigationMixin: Object.assign(NavigationMixin, { Navigate, GenerateUrl }) };
});

type Host = HTMLElement & { shadowRoot: ShadowRoot; summary: CallLogSummary | null };

const TASK = '00T000000000001AAA';
const TASK_PAGE = {
    type: 'standard__recordPage',
    attributes: { recordId: TASK, objectApiName: 'Task', actionName: 'view' }
};
const SAVED: CallLogSummary = {
    taskId: TASK,
    subject: 'Outbound call to Olivia Martin',
    relatedName: 'Acme Robotics',
    disposition: 'Connected',
    duration: '1 min 35 s'
};

async function settle(): Promise<void> {
    await Array.from({ length: 8 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

async function mount(summary: CallLogSummary | null = SAVED): Promise<Host> {
    const element = createElement('c-webex-call-log-saved', {
        // NavigationMixin's typing drops LightningElement's static members: the class is one all the same.
        is: WebexCallLogSaved as unknown as typeof LightningElement
    }) as Host;
    element.summary = summary;
    document.body.appendChild(element);
    await settle();
    return element;
}

const $ = (element: Host, selector: string) => element.shadowRoot.querySelector(selector) as HTMLElement | null;
const facts = (element: Host) =>
    [...element.shadowRoot.querySelectorAll('[data-fact]')].map((fact) => [
        fact.querySelector('dt')?.textContent?.trim(),
        fact.querySelector('dd')?.textContent?.trim()
    ]);

describe('c-webex-call-log-saved', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.resetAllMocks();
    });

    it('says what the Task holds, links to it and takes the focus', async () => {
        mockGenerateUrl.mockResolvedValue('/lightning/r/Task/00T000000000001AAA/view');
        const element = await mount();
        expect($(element, 'h2')?.textContent?.trim()).toBe('c.WebexCallLog_SavedTitle');
        expect(facts(element)).toEqual([
            ['c.WebexCallLog_Subject', 'Outbound call to Olivia Martin'],
            ['c.WebexCallLog_RelatedTo', 'Acme Robotics'],
            ['c.WebexCallLog_Disposition', 'Connected'],
            ['c.WebexCallLog_Duration', '1 min 35 s']
        ]);
        expect(mockGenerateUrl).toHaveBeenCalledWith(TASK_PAGE);
        const link = $(element, '[data-task-link]') as HTMLAnchorElement;
        expect(link.getAttribute('href')).toBe('/lightning/r/Task/00T000000000001AAA/view');
        expect(element.shadowRoot.activeElement).toBe($(element, '[data-title]'));
        link.click();
        expect(mockNavigate).toHaveBeenCalledWith(TASK_PAGE);
        await expect(element).toBeAccessible();
    });

    it('leaves out what the log did not hold, and is dismissed', async () => {
        mockGenerateUrl.mockRejectedValue(new Error('no URL here'));
        const element = await mount({ ...SAVED, relatedName: null, disposition: null, duration: null });
        expect(facts(element)).toEqual([['c.WebexCallLog_Subject', 'Outbound call to Olivia Martin']]);
        expect(($(element, '[data-task-link]') as HTMLAnchorElement).getAttribute('href')).toBeNull();
        let dismissed = 0;
        element.addEventListener('dismiss', () => (dismissed += 1));
        $(element, '[data-action="dismiss"]')?.click();
        expect(dismissed).toBe(1);
    });

    it('shows nothing to say without a summary', async () => {
        const element = await mount(null);
        expect(facts(element)).toEqual([]);
        ($(element, '[data-task-link]') as HTMLAnchorElement).click();
        expect(mockNavigate).not.toHaveBeenCalled();
    });
});
