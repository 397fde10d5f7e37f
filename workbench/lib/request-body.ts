/**
 * An HTTP request's body, read whole: the emulated org's endpoints and the Webex emulator share these. Bytes stay raw
 * where they must (uploads are binary; signatures are computed over the raw bytes).
 */
import type { IncomingMessage } from 'node:http';

/** The body's bytes. */
export async function readBodyBytes(req: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
}

/** The body as UTF-8 text. */
export async function readBodyText(req: IncomingMessage): Promise<string> {
    return (await readBodyBytes(req)).toString('utf8');
}
