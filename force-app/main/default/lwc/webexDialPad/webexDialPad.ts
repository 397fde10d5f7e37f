/**
 * The dialer's keypad: 1–9, *, 0, # as buttons a person can click or reach with the keyboard, each
 * named for a screen reader ("Dial 5", "Dial star"). A press fires `press` with `detail.key`; the
 * number field owns the number.
 */
import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/webexLabelFormat';
import KEY from '@salesforce/label/c.WebexDialer_Key';
import KEYPAD from '@salesforce/label/c.WebexDialer_Keypad';
import POUND from '@salesforce/label/c.WebexDialer_KeyPound';
import STAR from '@salesforce/label/c.WebexDialer_KeyStar';

/** The keys, row by row, with the letters printed under the digits on a phone. */
export const KEYS: ReadonlyArray<{ key: string; letters: string }> = [
    { key: '1', letters: '' },
    { key: '2', letters: 'ABC' },
    { key: '3', letters: 'DEF' },
    { key: '4', letters: 'GHI' },
    { key: '5', letters: 'JKL' },
    { key: '6', letters: 'MNO' },
    { key: '7', letters: 'PQRS' },
    { key: '8', letters: 'TUV' },
    { key: '9', letters: 'WXYZ' },
    { key: '*', letters: '' },
    { key: '0', letters: '+' },
    { key: '#', letters: '' }
];

export default class WebexDialPad extends LightningElement {
    @api disabled = false;

    readonly keypadLabel = KEYPAD;

    get keys() {
        return KEYS.map(({ key, letters }) => {
            const spoken = key === '*' ? STAR : key === '#' ? POUND : key;
            return { key, letters, label: formatLabel(KEY, spoken) };
        });
    }

    handlePress(event: Event): void {
        const key = (event.currentTarget as HTMLElement).dataset.key;
        if (!key || this.disabled) return;
        this.dispatchEvent(new CustomEvent('press', { detail: { key } }));
    }
}
