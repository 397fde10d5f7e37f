/** `System.Crypto` (Apex Reference Guide › Crypto Class), over node:crypto. */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, randomInt } from 'node:crypto';
import { Blob } from './blob.ts';
import { invalidParameter } from './signal.ts';
import { UnsupportedApexError } from '../errors.ts';

const DIGESTS: Record<string, string> = {
    MD5: 'md5',
    SHA1: 'sha1',
    'SHA-256': 'sha256',
    'SHA-512': 'sha512',
    'SHA3-256': 'sha3-256',
    'SHA3-384': 'sha3-384',
    'SHA3-512': 'sha3-512'
};
const MACS: Record<string, string> = { HMACMD5: 'md5', HMACSHA1: 'sha1', HMACSHA256: 'sha256', HMACSHA512: 'sha512' };
const AES: Record<string, number> = { AES128: 16, AES192: 24, AES256: 32 };

/** `generateDigest(algorithmName, input)`: MD5, SHA1, SHA-256, SHA-512, SHA3-256/384/512 (names case-insensitive). */
export function generateDigest(algorithm: string, input: Blob): Blob {
    const alg = DIGESTS[algorithm.toUpperCase()];
    if (!alg) throw invalidParameter(`Invalid algorithm: ${algorithm}`);
    return new Blob(new Uint8Array(createHash(alg).update(input.bytes).digest()));
}

/** `generateMac(algorithmName, input, privateKey)`: hmacMD5, hmacSHA1, hmacSHA256, hmacSHA512. */
export function generateMac(algorithm: string, input: Blob, key: Blob): Blob {
    const alg = MACS[algorithm.toUpperCase()];
    if (!alg) throw invalidParameter(`Invalid algorithm: ${algorithm}`);
    return new Blob(new Uint8Array(createHmac(alg, key.bytes).update(input.bytes).digest()));
}

/** `generateAesKey(size)`: 128, 192 or 256 random bits. */
export function generateAesKey(size: number): Blob {
    if (size !== 128 && size !== 192 && size !== 256) throw invalidParameter(`Invalid AES key size: ${size}`);
    return new Blob(new Uint8Array(randomBytes(size / 8)));
}

/** `getRandomInteger()`: any 32-bit Integer. */
export function getRandomInteger(): number {
    return randomBytes(4).readInt32BE(0);
}

/** `getRandomLong()`: any 64-bit Long. */
export function getRandomLong(): bigint {
    return randomBytes(8).readBigInt64BE(0);
}

/** A random integer in [0, max) for `Math.random`-style helpers. */
export function randomBelow(max: number): number {
    return randomInt(max);
}

function aesCipher(algorithm: string, key: Blob): string {
    const size = AES[algorithm.toUpperCase()];
    if (!size) throw invalidParameter(`Invalid algorithm: ${algorithm}`);
    if (key.bytes.length !== size) throw invalidParameter(`Invalid private key. Must be ${size} bytes.`);
    return `aes-${size * 8}-cbc`;
}

/** `encrypt(algorithm, key, iv, clearText)`: AES-CBC with PKCS#5 padding and the given 16-byte IV. */
export function encrypt(algorithm: string, key: Blob, iv: Blob, clear: Blob): Blob {
    const cipher = createCipheriv(aesCipher(algorithm, key), key.bytes, requireIv(iv));
    return new Blob(new Uint8Array(Buffer.concat([cipher.update(clear.bytes), cipher.final()])));
}

/** `decrypt(algorithm, key, iv, cipherText)`. */
export function decrypt(algorithm: string, key: Blob, iv: Blob, data: Blob): Blob {
    const decipher = createDecipheriv(aesCipher(algorithm, key), key.bytes, requireIv(iv));
    try {
        return new Blob(new Uint8Array(Buffer.concat([decipher.update(data.bytes), decipher.final()])));
    } catch {
        throw invalidParameter('Unable to decrypt: bad padding or wrong key');
    }
}

/** `encryptWithManagedIV(algorithm, key, clearText)`: a random IV prepended to the cipher text. */
export function encryptWithManagedIV(algorithm: string, key: Blob, clear: Blob): Blob {
    const iv = new Blob(new Uint8Array(randomBytes(16)));
    const body = encrypt(algorithm, key, iv, clear);
    const out = new Uint8Array(16 + body.bytes.length);
    out.set(iv.bytes, 0);
    out.set(body.bytes, 16);
    return new Blob(out);
}

/** `decryptWithManagedIV(algorithm, key, cipherText)`: the first 16 bytes are the IV. */
export function decryptWithManagedIV(algorithm: string, key: Blob, data: Blob): Blob {
    if (data.bytes.length < 16) throw invalidParameter('Input too short: no initialization vector');
    return decrypt(algorithm, key, new Blob(data.bytes.slice(0, 16)), new Blob(data.bytes.slice(16)));
}

function requireIv(iv: Blob): Uint8Array {
    if (iv.bytes.length !== 16) throw invalidParameter('Initialization vector must be 16 bytes');
    return iv.bytes;
}

/** `Crypto.sign`/`verify` with certificates and keys from the org: not available offline. */
export function sign(): never {
    throw new UnsupportedApexError('Crypto.sign');
}
