/** Identifiers shaped like Webex's own, random for what clients create and stable for seeded data. */
import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** Webex ids are base64 of `ciscospark://us/<TYPE>/<uuid>`, without padding. */
export function webexId(type: string, uuid: string = randomUUID()): string {
    return Buffer.from(`ciscospark://us/${type}/${uuid}`).toString('base64').replace(/=+$/, '');
}

/** The last segment of a Webex id (`ciscospark://us/ORGANIZATION/<this>`), e.g. an org's uuid. */
export function uuidOf(id: string): string {
    return Buffer.from(id, 'base64').toString('utf8').split('/').pop() ?? id;
}

/**
 * A uuid derived from a seed key, so that seeded rooms, meetings and calls keep the same ids from one
 * run to the next (fixtures and bookmarks stay valid).
 */
export function stableUuid(key: string): string {
    const hex = createHash('sha1').update(key).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** 32 hex digits: the shape of a meeting series id (stable when a seed key is given). */
export function hexId(key?: string): string {
    return key ? createHash('sha1').update(key).digest('hex').slice(0, 32) : randomUUID().replace(/-/g, '');
}

/** Digits derived from a key (meeting numbers, host keys), or random ones. */
export function digits(count: number, key?: string): string {
    const source = key ? createHash('sha256').update(key).digest() : randomBytes(count);
    let out = '';
    for (let i = 0; out.length < count; i += 1) out += String(source[i % source.length] % 10);
    return out;
}

/** An opaque secret for codes and tokens, URL-safe. */
export function opaqueToken(bytes = 32): string {
    return randomBytes(bytes).toString('base64url');
}

/** Letters and digits only: the body of an access token, whose `_` separate the cluster and org suffix. */
export function alphanumericToken(length = 64): string {
    let out = '';
    while (out.length < length)
        out += randomBytes(length)
            .toString('base64')
            .replace(/[^A-Za-z0-9]/g, '');
    return out.slice(0, length);
}
