/** Jest stand-in for lightning/platformShowToastEvent: a plain CustomEvent tests can listen for. */
export const ShowToastEventName = 'lightning__showtoast';

export class ShowToastEvent extends CustomEvent<unknown> {
    constructor(detail: unknown) {
        super(ShowToastEventName, { composed: true, cancelable: true, bubbles: true, detail });
    }
}
