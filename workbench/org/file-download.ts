/**
 * The org's file servlet, `GET /sfc/servlet.shepherd/version/download/<ContentVersionId>`: the bytes of one version of
 * a Salesforce File, as the browser downloads it in an org (what "Webex Spaces" fetches to post a record's file to a
 * space). The version is read by an anonymous block run as the org's signed-in user, which applies that user's sharing
 * ("Apex code that is executed with the executeAnonymous call ... always execute using the sharing rules of the current
 * user": Apex Developer Guide › Enforcing Sharing Rules,
 * https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_security_sharing_rules.htm): a file's
 * visibility is the sharing of the records it is linked to, not an object permission (no `WITH USER_MODE`, which the
 * Apex runtime refuses for ContentVersion and a standard profile). The runtime does not model record sharing, so here
 * every signed-in user may read every version: what an org's sharing would hide is not hidden.
 *
 * No public document gives this servlet's contract (the LWC Developer Guide's `lightning/fileDownload` module,
 * https://developer.salesforce.com/docs/platform/lwc/guide/reference-lightning-file-download-api.html, builds download
 * URLs for LWR sites only); the answer here is the workbench's own: the bytes with the file's type and name, a 404 for
 * anything else.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OrgApex } from './apex-host/org-apex.ts';
import type { EmulatedOrg } from './org-state.ts';
import { AnonymousApexError, apexString, runAnonymousApex } from './setup-apex.ts';

const DOWNLOAD_PATH = /^\/sfc\/servlet\.shepherd\/version\/download\/([A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?)$/;

/** Content types of the extensions a record's files usually have; anything else is bytes. */
const TYPES: Record<string, string> = {
    pdf: 'application/pdf',
    txt: 'text/plain',
    csv: 'text/csv',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation'
};

function notFound(res: ServerResponse): true {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('File not found');
    return true;
}

/** Serves a file version's bytes to the signed-in user; false for any other path. */
export async function serveFileDownload(
    org: EmulatedOrg,
    apex: OrgApex,
    req: IncomingMessage,
    res: ServerResponse,
    url: URL
): Promise<boolean> {
    const versionId = DOWNLOAD_PATH.exec(url.pathname)?.[1];
    if (!versionId || req.method !== 'GET') return false;
    let lines: string[];
    try {
        // The name first, then the bytes: a version has one of each (PathOnClient is required on insert).
        lines = await runAnonymousApex(
            apex,
            `for (ContentVersion version : [SELECT PathOnClient, FileExtension, VersionData FROM ContentVersion
                WHERE Id = ${apexString(versionId)} LIMIT 1]) {
                System.debug(version.PathOnClient);
                System.debug(version.FileExtension);
                System.debug(EncodingUtil.base64Encode(version.VersionData));
            }`,
            org.user.id
        );
    } catch (error) {
        // An Id of another object, or a version this user cannot read: nothing to serve.
        if (error instanceof AnonymousApexError) return notFound(res);
        throw error;
    }
    if (lines.length < 3) return notFound(res);
    const [pathOnClient, storedExtension, base64] = lines;
    const name = pathOnClient.split(/[\\/]/).pop() || versionId;
    const extension = (
        storedExtension && storedExtension !== 'null' ? storedExtension : (name.split('.').pop() ?? '')
    ).toLowerCase();
    const bytes = Buffer.from(base64, 'base64');
    res.writeHead(200, {
        'content-type': TYPES[extension] ?? 'application/octet-stream',
        'content-length': String(bytes.length),
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
        'cache-control': 'no-store'
    });
    res.end(bytes);
    return true;
}
