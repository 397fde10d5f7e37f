/**
 * A minimal `multipart/form-data` reader for message uploads (Webex accepts a local file as a `files`
 * part): enough for what clients send, not a general-purpose parser.
 */

export interface UploadedFile {
    field: string;
    filename: string;
    contentType: string;
    data: Buffer;
}

export interface MultipartBody {
    fields: Record<string, string>;
    files: UploadedFile[];
}

/** The boundary of a multipart content type, or null when the body is not multipart. */
export function multipartBoundary(contentType: string | undefined): string | null {
    if (!contentType?.toLowerCase().startsWith('multipart/form-data')) return null;
    const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
    return match ? (match[1] ?? match[2]).trim() : null;
}

/** Splits the body on its boundary and reads each part's name, filename, type and bytes. */
export function parseMultipart(bytes: Buffer, boundary: string): MultipartBody {
    const delimiter = Buffer.from(`--${boundary}`);
    const body: MultipartBody = { fields: {}, files: [] };
    let start = bytes.indexOf(delimiter);
    while (start !== -1) {
        const partStart = start + delimiter.length;
        // `--boundary--` closes the body.
        if (bytes.subarray(partStart, partStart + 2).toString() === '--') break;
        const next = bytes.indexOf(delimiter, partStart);
        if (next === -1) break;
        const part = bytes.subarray(partStart + 2, next - 2); // without the CRLF after the boundary and before the next
        const headerEnd = part.indexOf('\r\n\r\n');
        if (headerEnd !== -1) {
            const headers = part.subarray(0, headerEnd).toString('utf8');
            const data = part.subarray(headerEnd + 4);
            const name = /name="([^"]*)"/i.exec(headers)?.[1];
            const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
            const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim();
            if (name !== undefined && filename !== undefined)
                body.files.push({
                    field: name,
                    filename,
                    contentType: type ?? 'application/octet-stream',
                    data: Buffer.from(data)
                });
            else if (name !== undefined) body.fields[name] = data.toString('utf8');
        }
        start = next;
    }
    return body;
}
