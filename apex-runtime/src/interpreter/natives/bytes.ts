/**
 * `Blob`, `EncodingUtil` and `Crypto` (Apex Reference Guide › Blob Class, EncodingUtil Class,
 * Crypto Class) over `values/blob.ts`, `values/encoding.ts` and `values/crypto.ts`.
 */
import { UnsupportedApexError } from '../../errors.ts';
import * as C from '../../values/crypto.ts';
import * as E from '../../values/encoding.ts';
import { Blob } from '../values-bridge.ts';
import type { ApexValue } from '../model.ts';
import { defineNative } from './registry.ts';
import type { NativeRuntime } from './registry.ts';
import { objectMethods } from './object-methods.ts';
import { inst, int, str } from './platform.ts';

const blob = (a: ApexValue[], i: number): Blob => inst(a, i, Blob, 'Blob');

export const BlobNative = defineNative({
    name: 'Blob',
    namespace: 'System',
    isInstance: (v) => v instanceof Blob,
    statics: {
        valueOf: [
            { params: ['String'], fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => Blob.valueOf(str(a, 0)) }
        ],
        toPdf: [{ params: ['String'], fn: () => Blob.toPdf() }]
    },
    methods: {
        ...objectMethods(),
        size: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => (s as Blob).size() }],
        toString: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => (s as Blob).toString() }]
    }
});

export const EncodingUtilNative = defineNative({
    name: 'EncodingUtil',
    namespace: 'System',
    statics: {
        base64Encode: [
            { params: ['Blob'], fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => E.base64Encode(blob(a, 0)) }
        ],
        base64Decode: [
            { params: ['String'], fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => E.base64Decode(str(a, 0)) }
        ],
        convertToHex: [
            { params: ['Blob'], fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => E.convertToHex(blob(a, 0)) }
        ],
        convertFromHex: [
            {
                params: ['String'],
                fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => E.convertFromHex(str(a, 0))
            }
        ],
        urlEncode: [
            {
                params: ['String', 'String'],
                fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => E.urlEncode(str(a, 0), str(a, 1))
            }
        ],
        urlDecode: [
            {
                params: ['String', 'String'],
                fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => E.urlDecode(str(a, 0), str(a, 1))
            }
        ]
    }
});

export const CryptoNative = defineNative({
    name: 'Crypto',
    namespace: 'System',
    statics: {
        generateDigest: [
            {
                params: ['String', 'Blob'],
                fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => C.generateDigest(str(a, 0), blob(a, 1))
            }
        ],
        generateMac: [
            {
                params: ['String', 'Blob', 'Blob'],
                fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) =>
                    C.generateMac(str(a, 0), blob(a, 1), blob(a, 2))
            }
        ],
        generateAesKey: [
            {
                params: ['Integer'],
                fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => C.generateAesKey(int(a, 0))
            }
        ],
        getRandomInteger: [{ params: [], fn: () => C.getRandomInteger() }],
        getRandomLong: [{ params: [], fn: () => C.getRandomLong() }],
        encrypt: [
            {
                params: ['String', 'Blob', 'Blob', 'Blob'],
                fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) =>
                    C.encrypt(str(a, 0), blob(a, 1), blob(a, 2), blob(a, 3))
            }
        ],
        decrypt: [
            {
                params: ['String', 'Blob', 'Blob', 'Blob'],
                fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) =>
                    C.decrypt(str(a, 0), blob(a, 1), blob(a, 2), blob(a, 3))
            }
        ],
        encryptWithManagedIV: [
            {
                params: ['String', 'Blob', 'Blob'],
                fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) =>
                    C.encryptWithManagedIV(str(a, 0), blob(a, 1), blob(a, 2))
            }
        ],
        decryptWithManagedIV: [
            {
                params: ['String', 'Blob', 'Blob'],
                fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) =>
                    C.decryptWithManagedIV(str(a, 0), blob(a, 1), blob(a, 2))
            }
        ],
        sign: [{ params: ['String', 'Blob', 'Blob'], fn: () => C.sign() }],
        verify: [
            {
                params: ['String', 'Blob', 'Blob', 'Blob'],
                fn: () => {
                    throw new UnsupportedApexError('Crypto.verify');
                }
            }
        ]
    }
});
