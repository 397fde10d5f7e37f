/**
 * The file a message carries, as the composer (`c-webex-space-composer`) holds it until the message is sent: an
 * upload the rep chose, or a Salesforce File of the record, downloaded from the org only when the message is sent.
 */
import { MessagingFailure } from 'c/webexMessagingSession';

/** The file a message will carry: an upload, or a Salesforce File fetched when sent. */
export interface Attachment {
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    name: string;
    size: number;
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    file: (Blob & { name: string }) | null;
    contentVersionId: string | null;
}

/** Where the browser downloads a version of a Salesforce File (the org's own file servlet). */
const FILE_DOWNLOAD_PATH = '/sfc/servlet.shepherd/version/download/';

/** A record file's name as the rep knows it: its title, with its extension when it has one. */
export function recordFileName(file: WebexRecordFile): string {
    const title = file.title ?? '';
    return file.fileExtension ? `${title}.${file.fileExtension}` : title;
}

/** The attachment as a file: a Salesforce File is downloaded from the org when the message is sent. */
export async function fileOf(attachment: Attachment): Promise<Blob & { name: string }> {
    if (attachment.file) return attachment.file;
    let response: Response;
    try {
        // LWS's fetch distortion refuses only the framework's "/aura" and "/webruntime" endpoints
        // (@locker/eslint-plugin-locker docs/rules/distorted-window-fetch.md): a file download is allowed.
        // eslint-disable-next-line @locker/locker/distorted-window-fetch
        response = await fetch(`${FILE_DOWNLOAD_PATH}${attachment.contentVersionId}`, {
            credentials: 'same-origin'
        });
    } catch {
        throw MessagingFailure.of('FILE_DOWNLOAD');
    }
    if (!response.ok) throw MessagingFailure.of('FILE_DOWNLOAD');
    const blob = await response.blob();
    return new File([blob], attachment.name, { type: blob.type });
}
