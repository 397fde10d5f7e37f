/**
 * `lightning/navigation` for the workbench: page references become the shell's hash routes
 * (`#/r/Contact/<id>/view`, `#/o/Lead/new?...`, `#/n/Webex_Admin`), and `CurrentPageReference`
 * follows them, so components navigate as they would in Lightning Experience.
 */
import type * as Platform from 'lightning/navigation';

type PageReference = Platform.PageReference;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeScript requires any[] for mixin bases
type Constructor = abstract new (...args: any[]) => object;

const NAVIGATE: unique symbol = Symbol('Navigate');
const GENERATE_URL: unique symbol = Symbol('GenerateUrl');

/** The shell route of a page reference, or null for one the workbench cannot show. */
export function routeOf(ref: PageReference): string | null {
    const a = ref.attributes ?? {};
    const query = new URLSearchParams(
        Object.entries(ref.state ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined)
    ).toString();
    const withQuery = (route: string): string => (query ? `${route}?${query}` : route);
    switch (ref.type) {
        case 'standard__recordPage':
            return a.recordId ? `#/r/${a.objectApiName ?? '_'}/${a.recordId}/${a.actionName ?? 'view'}` : null;
        case 'standard__objectPage':
            if (!a.objectApiName) return null;
            return withQuery(`#/o/${a.objectApiName}/${a.actionName === 'new' ? 'new' : 'list'}`);
        case 'standard__navItemPage':
            return a.apiName ? `#/n/${a.apiName}` : null;
        case 'standard__namedPage':
            return a.pageName === 'home' ? '#/home' : null;
        default:
            return null;
    }
}

/**
 * The link to a shell route, for an `href`: the page's own path and query (`?lang=`, `?user=`) with
 * the route as its fragment. Never a fragment-only URL: under synthetic shadow (as in Lightning
 * Experience) the LWC engine rewrites a fragment-only `href` in a template that has an `id` into
 * `#…-<n>` (its `fid`, the id scoping of fragment links), which sent the Webex Admin tab to
 * `#/n/Webex_Admin-0`. Lightning's own links are paths (`/lightning/r/…`), never bare fragments.
 */
export function hrefOf(route: string): string {
    return `${window.location.pathname}${window.location.search}${route}`;
}

/** The page reference of the current hash route (for `CurrentPageReference`). */
export function currentPageReference(hash = window.location.hash): PageReference {
    const [route, query] = hash.replace(/^#\/?/, '').split('?');
    const [kind, first, second, third] = route.split('/');
    const state = Object.fromEntries(new URLSearchParams(query ?? ''));
    if (kind === 'r')
        return {
            type: 'standard__recordPage',
            attributes: { objectApiName: first, recordId: second, actionName: third ?? 'view' },
            state
        };
    if (kind === 'o')
        return {
            type: 'standard__objectPage',
            attributes: { objectApiName: first, actionName: second === 'new' ? 'new' : 'list' },
            state
        };
    if (kind === 'n') return { type: 'standard__navItemPage', attributes: { apiName: first }, state };
    return { type: 'standard__namedPage', attributes: { pageName: 'home' }, state };
}

function navigate(ref: PageReference): void {
    if (ref.type === 'standard__webPage' && ref.attributes?.url) {
        window.open(ref.attributes.url, '_blank', 'noopener');
        return;
    }
    const route = routeOf(ref);
    if (route) window.location.hash = route;
    else console.warn(`The workbench cannot show the page ${JSON.stringify(ref)}`);
}

function mixin<T extends Constructor>(Base: T): T {
    abstract class Navigating extends Base {
        [NAVIGATE](ref: PageReference): void {
            navigate(ref);
        }

        [GENERATE_URL](ref: PageReference): Promise<string> {
            if (ref.type === 'standard__webPage') return Promise.resolve(ref.attributes?.url ?? '');
            const route = routeOf(ref);
            return Promise.resolve(route ? hrefOf(route) : '');
        }
    }
    return Navigating;
}

export const NavigationMixin = Object.assign(mixin, {
    Navigate: NAVIGATE,
    GenerateUrl: GENERATE_URL
}) as unknown as typeof Platform.NavigationMixin;

class CurrentPageReferenceAdapter {
    private readonly dataCallback: (value: PageReference) => void;
    private readonly onHashChange = (): void => this.dataCallback(currentPageReference());

    constructor(dataCallback: (value: PageReference) => void) {
        this.dataCallback = dataCallback;
    }

    update(): void {
        this.dataCallback(currentPageReference());
    }

    connect(): void {
        window.addEventListener('hashchange', this.onHashChange);
    }

    disconnect(): void {
        window.removeEventListener('hashchange', this.onHashChange);
    }
}

export const CurrentPageReference: typeof Platform.CurrentPageReference = CurrentPageReferenceAdapter;
