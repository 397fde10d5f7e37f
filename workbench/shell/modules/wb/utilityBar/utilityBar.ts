/**
 * The app's utility bar: one item per package component the admin guide places there, each opening
 * a docked panel of the size the guide gives (workbench/shell/utility-bar.json). An item that
 * "starts automatically" is rendered from page load, panel closed, as Lightning Experience does,
 * so it can receive incoming calls before anyone opens it.
 */
import { LightningElement } from 'lwc';
import { components } from 'wb/registry';

interface UtilityItemConfig {
    component: string;
    label: string;
    icon: string;
    width: number;
    height: number;
    startAutomatically: boolean;
}

declare const __WB_UTILITY_ITEMS__: UtilityItemConfig[];
// Read once into a variable: the build's replacement skips `__WB_UTILITY_ITEMS__.` property accesses.
const ALL_ITEMS: UtilityItemConfig[] = __WB_UTILITY_ITEMS__;
/**
 * `?utilityItems=a,b` keeps only those items, as an app whose administrator added only them (empty: none);
 * without it, every configured item. Stories use it for an app without the Webex utility item.
 */
const KEPT = new URLSearchParams(window.location.search).get('utilityItems');
const CONFIGURED: UtilityItemConfig[] =
    KEPT === null ? ALL_ITEMS : ALL_ITEMS.filter((item) => KEPT.split(',').includes(item.component));

interface UtilityItem extends UtilityItemConfig {
    ctor: unknown;
    started: boolean;
    open: boolean;
}

export default class UtilityBar extends LightningElement {
    items: UtilityItem[] = CONFIGURED.flatMap((config) => {
        const registered = components.find(
            (c) => c.name === config.component && c.targets.includes('lightning__UtilityBar')
        );
        return registered
            ? [{ ...config, ctor: registered.ctor, started: config.startAutomatically, open: false }]
            : [];
    });

    /** `lightning/platformUtilityBarApi` `open(utilityId)` (stubs/platformUtilityBarApi.ts): the item's panel opens. */
    private readonly onOpenRequest = (event: Event): void => {
        const utilityId = (event as CustomEvent<{ utilityId?: string }>).detail?.utilityId;
        if (!this.items.some((item) => item.component === utilityId)) return;
        this.items = this.items.map((item) =>
            item.component === utilityId ? { ...item, open: true, started: true } : { ...item, open: false }
        );
    };

    connectedCallback(): void {
        window.addEventListener('wb:utility-open', this.onOpenRequest);
    }

    disconnectedCallback(): void {
        window.removeEventListener('wb:utility-open', this.onOpenRequest);
    }

    get hasItems(): boolean {
        return this.items.length > 0;
    }

    get views(): Array<
        UtilityItem & { buttonClass: string; panelClass: string; panelStyle: string; expanded: string }
    > {
        return this.items.map((item) => ({
            ...item,
            expanded: String(item.open),
            buttonClass: `slds-button slds-utility-bar__action${item.open ? ' slds-is-active' : ''}`,
            panelClass: `slds-utility-panel slds-grid slds-grid_vertical${item.open ? ' slds-is-open' : ' wb-hidden'}`,
            panelStyle: `width: ${item.width}px; height: ${item.height}px;`
        }));
    }

    handleToggle(event: Event): void {
        const name = (event.currentTarget as HTMLElement).dataset.component;
        this.items = this.items.map((item) =>
            item.component === name ? { ...item, open: !item.open, started: true } : { ...item, open: false }
        );
    }

    handleMinimize(event: Event): void {
        const name = (event.currentTarget as HTMLElement).dataset.component;
        this.items = this.items.map((item) => (item.component === name ? { ...item, open: false } : item));
    }
}
