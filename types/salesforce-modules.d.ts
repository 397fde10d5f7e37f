/**
 * Platform modules that `@salesforce/lightning-types` does not cover. Custom labels are checked
 * against labels/CustomLabels.labels-meta.xml by scripts/checks/references.ts.
 */
declare module '@salesforce/label/*' {
    const label: string;
    export default label;
}

declare module '@salesforce/customPermission/*' {
    const hasPermission: boolean | undefined;
    export default hasPermission;
}

declare module '@salesforce/i18n/lang' {
    const lang: string;
    export default lang;
}

declare module '@salesforce/i18n/locale' {
    const locale: string;
    export default locale;
}

declare module 'lightning/platformShowToastEvent' {
    export interface ShowToastEventInit {
        title?: string;
        message: string;
        variant?: 'info' | 'success' | 'warning' | 'error';
        mode?: 'dismissible' | 'pester' | 'sticky';
    }
    export class ShowToastEvent extends CustomEvent<ShowToastEventInit> {
        constructor(init: ShowToastEventInit);
    }
}
