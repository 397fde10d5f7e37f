/** `System.EncodingUtil` (Apex Reference Guide › EncodingUtil Class). */
import { Blob } from './blob.ts';
import { invalidParameter } from './signal.ts';
import { UnsupportedApexError } from '../errors.ts';

/** `base64Encode(Blob)`: standard alphabet, padded. */
export function base64Encode(blob: Blob): string {
    return Buffer.from(blob.bytes).toString('base64');
}

/** `base64Decode(String)`: standard alphabet; padding optional. */
export function base64Decode(text: string): Blob {
    if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(text)) throw invalidParameter(`Invalid base64 text: ${text}`);
    return new Blob(new Uint8Array(Buffer.from(text, 'base64')));
}

/** `convertToHex(Blob)`: lowercase hexadecimal. */
export function convertToHex(blob: Blob): string {
    return Buffer.from(blob.bytes).toString('hex');
}

/** `convertFromHex(String)`: an even number of hex digits, either case; else `InvalidParameterValueException`. */
export function convertFromHex(text: string): Blob {
    if (!/^(?:[0-9a-fA-F]{2})*$/.test(text)) throw invalidParameter(`Invalid hex string: ${text}`);
    return new Blob(new Uint8Array(Buffer.from(text, 'hex')));
}

function requireUtf8(encoding: string): void {
    if (!/^utf-?8$/i.test(encoding)) throw new UnsupportedApexError(`EncodingUtil with encoding ${encoding}`);
}

/**
 * `urlEncode(String, 'UTF-8')`: application/x-www-form-urlencoded as java.net.URLEncoder: letters,
 * digits and `.-*_` kept, space → `+`, everything else `%XX` of its UTF-8 bytes (uppercase hex).
 */
export function urlEncode(text: string, encoding: string): string {
    requireUtf8(encoding);
    let out = '';
    for (const byte of new TextEncoder().encode(text)) {
        const c = String.fromCharCode(byte);
        if (/[A-Za-z0-9.\-*_]/.test(c)) out += c;
        else if (byte === 0x20) out += '+';
        else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    return out;
}

/**
 * `urlDecode(String, 'UTF-8')`: java.net.URLDecoder: `+` → space, `%XX` bytes decoded as UTF-8; a
 * malformed escape throws `InvalidParameterValueException`.
 */
export function urlDecode(text: string, encoding: string): string {
    requireUtf8(encoding);
    const bytes: number[] = [];
    let out = '';
    const flush = (): void => {
        if (bytes.length) {
            out += new TextDecoder().decode(new Uint8Array(bytes));
            bytes.length = 0;
        }
    };
    for (let i = 0; i < text.length; i++) {
        const c = text.charAt(i);
        if (c === '%') {
            const hex = text.slice(i + 1, i + 3);
            if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw invalidParameter(`Invalid URL escape in: ${text}`);
            bytes.push(parseInt(hex, 16));
            i += 2;
            continue;
        }
        flush();
        out += c === '+' ? ' ' : c;
    }
    flush();
    return out;
}
