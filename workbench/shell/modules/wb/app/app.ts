/**
 * A Lightning-Experience-like shell: app navigation, the page for the route, the utility bar,
 * toasts from ShowToastEvent, and user and language switches. Routes live in the URL hash:
 * `#/home`, `#/o/Contact/list`, `#/o/Lead/new?defaultFieldValues=…`, `#/r/Contact/<id>/view`,
 * `#/n/Webex_Admin` (see stubs/navigation.ts).
 */
import { LightningElement } from 'lwc';
import { TOAST_EVENT, type ShowToastEventInit } from '../../../stubs/platformShowToastEvent.ts';
import { language, tabLabel } from '../../../stubs/labels.ts';
import { currentPageReference, hrefOf } from '../../../stubs/navigation.ts';
import { userName } from '../../../stubs/session.ts';

interface NavItem {
    id: string;
    label: string;
    route: string;
}

interface Toast extends ShowToastEventInit {
    key: number;
}

// Each tab is labelled as the org labels it for the user: Home and the objects' plural labels in the user's
// language, the package's Webex Admin tab with its label and French translation (stubs/labels.ts).
const NAV: NavItem[] = [
    { id: 'home', route: '#/home' },
    { id: 'Contact', route: '#/o/Contact/list' },
    { id: 'Lead', route: '#/o/Lead/list' },
    { id: 'Account', route: '#/o/Account/list' },
    { id: 'Opportunity', route: '#/o/Opportunity/list' },
    { id: 'Case', route: '#/o/Case/list' },
    { id: 'Webex_Admin', route: '#/n/Webex_Admin' }
].map((item) => ({ ...item, label: tabLabel(item.id) ?? item.id }));

const TOAST_SECONDS = 6;

type Page = 'home' | 'list' | 'new' | 'record' | 'tab';

export default class App extends LightningElement {
    route = 'home';
    page: Page = 'home';
    objectApiName = '';
    recordId = '';
    defaultFieldValues = '';
    readonly userName = userName;
    toasts: Toast[] = [];
    private toastKey = 0;
    private readonly onHashChange = (): void => this.readRoute();

    connectedCallback(): void {
        this.readRoute();
        window.addEventListener('hashchange', this.onHashChange);
        this.template?.addEventListener(TOAST_EVENT, (event: Event) =>
            this.showToast((event as CustomEvent<ShowToastEventInit>).detail)
        );
    }

    disconnectedCallback(): void {
        window.removeEventListener('hashchange', this.onHashChange);
    }

    /**
     * The route without the package's namespace: installed with its namespace the package's tab is
     * `<ns>__Webex_Admin` (the org's `namespace`, workbench/org/namespace.ts), unpackaged `Webex_Admin`.
     */
    get localRoute(): string {
        return this.route.replace(/^[A-Za-z]\w*?__(?=Webex_Admin$)/, '');
    }

    get navItems(): Array<NavItem & { href: string; itemClass: string; current: string | null }> {
        return NAV.map((item) => ({
            ...item,
            // The tab keeps the namespace it was opened with.
            href: hrefOf(item.id === 'Webex_Admin' && this.isWebexAdmin ? `#/n/${this.route}` : item.route),
            itemClass: `slds-context-bar__item${item.id === this.localRoute ? ' slds-is-active' : ''}`,
            current: item.id === this.localRoute ? 'page' : null
        }));
    }

    get isWebexAdmin(): boolean {
        return this.localRoute === 'Webex_Admin';
    }

    get pageTitle(): string {
        return NAV.find((item) => item.id === this.localRoute)?.label ?? this.route;
    }

    get isHome(): boolean {
        return this.page === 'home';
    }

    get isList(): boolean {
        return this.page === 'list';
    }

    get isNew(): boolean {
        return this.page === 'new';
    }

    get isRecord(): boolean {
        return this.page === 'record';
    }

    get isUnknownTab(): boolean {
        return this.page === 'tab' && !this.isWebexAdmin;
    }

    get isEnglish(): boolean {
        return language === 'en';
    }

    get isFrench(): boolean {
        return language === 'fr';
    }

    get hasToasts(): boolean {
        return this.toasts.length > 0;
    }

    get toastViews(): Array<Toast & { themeClass: string; icon: string }> {
        return this.toasts.map((toast) => ({
            ...toast,
            themeClass: `slds-notify slds-notify_toast slds-theme_${toast.variant === 'error' ? 'error' : toast.variant === 'warning' ? 'warning' : toast.variant === 'success' ? 'success' : 'info'}`,
            icon: `utility:${toast.variant === 'error' ? 'error' : toast.variant === 'warning' ? 'warning' : toast.variant === 'success' ? 'success' : 'info'}`
        }));
    }

    handleLanguage(event: Event): void {
        const lang = (event.target as HTMLSelectElement).value;
        const url = new URL(window.location.href);
        url.searchParams.set('lang', lang);
        window.location.assign(url.toString());
    }

    handleCloseToast(event: Event): void {
        const key = Number((event.currentTarget as HTMLElement).dataset.key);
        this.toasts = this.toasts.filter((toast) => toast.key !== key);
    }

    private readRoute(): void {
        const ref = currentPageReference();
        const a = ref.attributes ?? {};
        this.objectApiName = a.objectApiName ?? '';
        this.recordId = a.recordId ?? '';
        this.defaultFieldValues = ref.state?.defaultFieldValues ?? '';
        if (ref.type === 'standard__recordPage') {
            this.page = 'record';
            this.route = this.objectApiName;
        } else if (ref.type === 'standard__objectPage') {
            this.page = a.actionName === 'new' ? 'new' : 'list';
            this.route = this.objectApiName;
        } else if (ref.type === 'standard__navItemPage') {
            this.page = 'tab';
            this.route = a.apiName ?? 'home';
        } else {
            this.page = 'home';
            this.route = 'home';
        }
    }

    private showToast(init: ShowToastEventInit): void {
        this.toastKey += 1;
        const key = this.toastKey;
        this.toasts = [...this.toasts, { ...init, key }];
        if (init.mode !== 'sticky') {
            // Toasts close themselves, as in Lightning Experience.
            setTimeout(() => {
                this.toasts = this.toasts.filter((toast) => toast.key !== key);
            }, TOAST_SECONDS * 1000);
        }
    }
}
