/** Apex Blob: a byte array (Apex Reference Guide › Blob Class). */
import { UnsupportedApexError } from '../errors.ts';
import { stringException } from './signal.ts';

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });
const utf8Encoder = new TextEncoder();

export class Blob {
    readonly bytes: Uint8Array;
    constructor(bytes: Uint8Array) {
        this.bytes = bytes;
    }

    /** `Blob.valueOf(String)`: the string's UTF-8 bytes. */
    static valueOf(text: string): Blob {
        return new Blob(utf8Encoder.encode(text));
    }

    /** `size()`: the number of bytes. */
    size(): number {
        return this.bytes.length;
    }

    /**
     * `toString()`: the bytes read as UTF-8. Bytes that are not valid UTF-8 throw
     * `System.StringException: BLOB is not a valid UTF-8 string`.
     */
    toString(): string {
        try {
            return utf8Decoder.decode(this.bytes);
        } catch {
            throw stringException('BLOB is not a valid UTF-8 string');
        }
    }

    /** `Blob.toPdf(String)` renders a page: not available offline. */
    static toPdf(): never {
        throw new UnsupportedApexError('Blob.toPdf');
    }

    equals(other: Blob): boolean {
        if (other.bytes.length !== this.bytes.length) return false;
        for (let i = 0; i < this.bytes.length; i++) if (this.bytes[i] !== other.bytes[i]) return false;
        return true;
    }
}
