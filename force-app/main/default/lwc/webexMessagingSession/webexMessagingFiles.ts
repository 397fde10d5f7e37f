/**
 * The files of Webex messages, by their content URL (`…/v1/contents/<id>`): Webex lists and announces a message's
 * files as those URLs only, and tells a file's name, type and size in the headers of a `HEAD` request on it —
 * `Content-Disposition: attachment; filename="…"`, `Content-Type`, `Content-Length` (developer.webex.com › REST API
 * Basics › Message Attachments, https://developer.webex.com/docs/basics). The URL needs the rep's token, so both the
 * `HEAD` and the download go through the SDK's `request`, which adds it.
 */
import type { SdkInstance, SdkResponse } from './webexMessagingSdk';

/** What `HEAD` told of a file. */
export interface FileInfo {
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    name: string;
    /** In bytes; null when Webex did not say. */
    size: number | null;
    type: string | null;
}

/**
 * The file name of a `Content-Disposition` header: RFC 6266 §4.1 (`filename*=UTF-8''…` preferred over
 * `filename="…"`, RFC 8187 percent-encoding), or null when it names none.
 */
export function fileNameOf(disposition: string | null | undefined): string | null {
    if (!disposition) return null;
    const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(disposition);
    if (extended) {
        try {
            return decodeURIComponent(extended[2].trim());
        } catch {
            // A malformed encoding: the plain `filename` below, if any.
        }
    }
    const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(disposition);
    const name = plain ? (plain[1] ?? plain[2] ?? '').replace(/\\(.)/g, '$1').trim() : '';
    return name || null;
}

function header(response: SdkResponse, name: string): string | null {
    const headers = response.headers ?? {};
    const found = Object.keys(headers).find((key) => key.toLowerCase() === name);
    return found ? (headers[found] ?? null) : null;
}

/**
 * Names files through the SDK, each URL asked once for the page (a second view of the same message, or a page of
 * earlier messages, reuses the answer). A file Webex does not name (an error, no SDK) is null: it shows as
 * "Attached file".
 */
export class MessageFiles {
    private readonly webex: SdkInstance | null;
    private readonly infos = new Map<string, Promise<FileInfo | null>>();

    constructor(webex: SdkInstance | null) {
        this.webex = webex;
    }

    info(url: string): Promise<FileInfo | null> {
        let known = this.infos.get(url);
        if (!known) {
            known = this.head(url);
            this.infos.set(url, known);
        }
        return known;
    }

    /** The file's bytes (the rep opens or saves them); rejects when Webex refuses or the SDK is not there. */
    async download(url: string): Promise<Blob> {
        const request = this.webex?.request;
        if (!request) throw new Error('The Webex SDK is not loaded.');
        const response = await request.call(this.webex, { method: 'GET', uri: url, responseType: 'blob' });
        const body = response.body;
        if (body instanceof Blob) return body;
        throw new Error('Webex answered no file.');
    }

    private async head(url: string): Promise<FileInfo | null> {
        const request = this.webex?.request;
        if (!request) return null;
        try {
            const response = await request.call(this.webex, { method: 'HEAD', uri: url });
            const name = fileNameOf(header(response, 'content-disposition'));
            if (!name) return null;
            const length = Number(header(response, 'content-length'));
            return {
                name,
                size: Number.isFinite(length) && header(response, 'content-length') !== null ? length : null,
                type: header(response, 'content-type')
            };
        } catch {
            return null;
        }
    }
}
