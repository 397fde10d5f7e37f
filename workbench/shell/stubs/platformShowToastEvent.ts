/**
 * lightning/platformShowToastEvent for the workbench: the same event Lightning Experience listens
 * for; the shell catches it and shows an SLDS toast.
 */
export const TOAST_EVENT = 'lightning__showtoast';

export interface ShowToastEventInit {
    title?: string;
    message: string;
    variant?: 'info' | 'success' | 'warning' | 'error';
    mode?: 'dismissible' | 'pester' | 'sticky';
}

export class ShowToastEvent extends CustomEvent<ShowToastEventInit> {
    constructor(init: ShowToastEventInit) {
        super(TOAST_EVENT, { bubbles: true, composed: true, cancelable: true, detail: init });
    }
}
