/** `lightning/actions` for the workbench: the shell's quick-action modal closes on this event. */
import type * as Platform from 'lightning/actions';

export const CLOSE_ACTION_EVENT = 'lightning__actionsclosescreen';

class CloseActionScreen extends CustomEvent<null> {
    constructor() {
        super(CLOSE_ACTION_EVENT, { bubbles: true, composed: true, detail: null });
    }
}

export const CloseActionScreenEvent: typeof Platform.CloseActionScreenEvent = CloseActionScreen;
