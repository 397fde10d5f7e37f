/**
 * Just enough of the JAR (zip) and Java class-file formats to read the public fields of apex-ls's
 * `sobject-types` classes: the zip central directory (APPNOTE.TXT §4.3.12), stored/deflated entries,
 * and a class file's constant pool and field table (JVM Specification §4.1, §4.4, §4.5).
 */
import { inflateRawSync } from 'node:zlib';

/** The entries of a zip archive by path, read lazily. */
export function readZip(buf: Buffer): Map<string, () => Buffer> {
    // The end-of-central-directory record is within the last 64 KiB + 22 bytes.
    let eocd = -1;
    for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
        if (buf.readUInt32LE(i) === 0x06054b50) {
            eocd = i;
            break;
        }
    }
    if (eocd < 0) throw new Error('not a zip file');
    const count = buf.readUInt16LE(eocd + 10);
    let p = buf.readUInt32LE(eocd + 16);
    const entries = new Map<string, () => Buffer>();
    for (let n = 0; n < count; n++) {
        if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
        const method = buf.readUInt16LE(p + 10);
        const compressedSize = buf.readUInt32LE(p + 20);
        const nameLen = buf.readUInt16LE(p + 28);
        const extraLen = buf.readUInt16LE(p + 30);
        const commentLen = buf.readUInt16LE(p + 32);
        const localOffset = buf.readUInt32LE(p + 42);
        // Entry names of a jar are ASCII: latin1 decodes them as UTF-8 would, several times faster.
        const name = buf.toString('latin1', p + 46, p + 46 + nameLen);
        entries.set(name, () => readEntry(buf, name, method, localOffset, compressedSize));
        p += 46 + nameLen + extraLen + commentLen;
    }
    return entries;
}

function readEntry(buf: Buffer, name: string, method: number, localOffset: number, compressedSize: number): Buffer {
    const lNameLen = buf.readUInt16LE(localOffset + 26);
    const lExtraLen = buf.readUInt16LE(localOffset + 28);
    const start = localOffset + 30 + lNameLen + lExtraLen;
    const data = buf.subarray(start, start + compressedSize);
    if (method === 0) return Buffer.from(data);
    if (method === 8) return inflateRawSync(data);
    throw new Error(`unsupported zip method ${method} for ${name}`);
}

/** A public field of a class: name and JVM descriptor (`Lcom/x/String;`, `[Lcom/x/Contact;`). */
export interface ClassField {
    name: string;
    descriptor: string;
    isStatic: boolean;
    isPublic: boolean;
}

/** The fields declared by a class file, with its superclass's internal name. */
export function readClassFields(buf: Buffer): { superName: string | undefined; fields: ClassField[] } {
    if (buf.readUInt32BE(0) !== 0xcafebabe) throw new Error('not a class file');
    const cpCount = buf.readUInt16BE(8);
    const utf8: (string | undefined)[] = new Array(cpCount);
    const classNameIndex: (number | undefined)[] = new Array(cpCount);
    let p = 10;
    for (let i = 1; i < cpCount; i++) {
        const tag = buf[p];
        switch (tag) {
            case 1: {
                const len = buf.readUInt16BE(p + 1);
                // Modified UTF-8 equals UTF-8 for the ASCII names these classes use.
                utf8[i] = buf.toString('utf8', p + 3, p + 3 + len);
                p += 3 + len;
                break;
            }
            case 7:
                classNameIndex[i] = buf.readUInt16BE(p + 1);
                p += 3;
                break;
            case 8:
            case 16:
            case 19:
            case 20:
                p += 3;
                break;
            case 15:
                p += 4;
                break;
            case 3:
            case 4:
            case 9:
            case 10:
            case 11:
            case 12:
            case 17:
            case 18:
                p += 5;
                break;
            case 5:
            case 6:
                p += 9;
                i++; // 8-byte constants take two pool slots (JVMS §4.4.5)
                break;
            default:
                throw new Error(`unknown constant pool tag ${tag}`);
        }
    }
    p += 2; // access flags
    p += 2; // this_class
    const superIdx = buf.readUInt16BE(p);
    p += 2;
    const superName = superIdx ? utf8[classNameIndex[superIdx]!] : undefined;
    const interfaces = buf.readUInt16BE(p);
    p += 2 + interfaces * 2;
    const fieldCount = buf.readUInt16BE(p);
    p += 2;
    const fields: ClassField[] = [];
    for (let f = 0; f < fieldCount; f++) {
        const access = buf.readUInt16BE(p);
        const name = utf8[buf.readUInt16BE(p + 2)]!;
        const descriptor = utf8[buf.readUInt16BE(p + 4)]!;
        const attrCount = buf.readUInt16BE(p + 6);
        p += 8;
        for (let a = 0; a < attrCount; a++) p += 6 + buf.readUInt32BE(p + 2);
        fields.push({ name, descriptor, isStatic: (access & 0x0008) !== 0, isPublic: (access & 0x0001) !== 0 });
    }
    return { superName, fields };
}
