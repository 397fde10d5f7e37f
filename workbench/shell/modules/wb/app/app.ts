/**
 * A Lightning-Experience-like shell: app navigation, the page for the selected tab, toasts from
 * ShowToastEvent, and a language switch. Routes live in the URL hash (`#/n/Webex_Admin`).
 */
import { LightningElement } from 'lwc';
import { TOAST_EVENT, type ShowToastEventInit } from '../../../stubs/platformShowToastEvent.ts';
import { language } from '../../../stubs/labels.ts';

interface NavItem {
    id: string;
    label: string;
    href: string;
}

interface Toast extends ShowToastEventInit {
    key: number;
}

const NAV: NavItem[] = [
    { id: 'home', label: 'Home', href: '#/home' },
    { id: 'Contact', label: 'Contacts', href: '#/o/Contact' },
    { id: 'Lead', label: 'Leads', href: '#/o/Lead' },
    { id: 'Account', label: 'Accounts', href: '#/o/Account' },
    { id: 'Opportunity', label: 'Opportunities', href: '#/o/Opportunity' },
    { id: 'Case', label: 'Cases', href: '#/o/Case' },
    { id: 'Webex_Admin', label: 'Webex Admin', href: '#/n/Webex_Admin' }
];

const TOAST_SECONDS = 6;

export default class App extends LightningElement {
    route = 'home';
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

    get navItems(): Array<NavItem & { itemClass: string; current: string | null }> {
        return NAV.map((item) => ({
            ...item,
            itemClass: `slds-context-bar__item${item.id === this.route ? ' slds-is-active' : ''}`,
            current: item.id === this.route ? 'page' : null
        }));
    }

    get isWebexAdmin(): boolean {
        return this.route === 'Webex_Admin';
    }

    get pageTitle(): string {
        return NAV.find((item) => item.id === this.route)?.label ?? 'Home';
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
        const hash = window.location.hash.replace(/^#\/?/, '');
        const [kind, name] = hash.split('/');
        this.route = kind === 'n' || kind === 'o' ? (name ?? 'home') : 'home';
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
