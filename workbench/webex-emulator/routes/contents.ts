/**
 * `/v1/contents/{contentId}`: a message's file, for members of its room only (the bearer token is needed).
 *
 * `GET` gives the bytes; `HEAD` gives the same headers without them, which is how a client learns a file's name
 * (`Content-Disposition: attachment; filename="…"`), type and size before (or instead of) downloading it
 * (developer.webex.com › REST API Basics › Message Attachments, https://developer.webex.com/docs/basics; the
 * contract file has no `/contents` path).
 */
import type { RequestContext } from '../http.ts';
import { notFound } from '../errors.ts';
import { sendRedirect } from '../http.ts';
import type { EmulatedUser, EmulatorState } from '../state.ts';
import type { Content } from '../store/messaging-store.ts';
import { webexRoute, type Route } from './route.ts';

/** A content of a room the user belongs to; others are invisible (404), as the room is. */
function visibleContent(state: EmulatorState, user: EmulatedUser, contentId: string): Content {
    const content = state.messaging.contents.get(contentId);
    if (!content || !state.messaging.membership(content.roomId, user.id)) throw notFound();
    return content;
}

/** The headers that describe a file: its name, type and (when the emulator holds the bytes) size. */
function fileHeaders(content: Content): Record<string, string> {
    return {
        'content-type': content.contentType,
        'content-disposition': `attachment; filename="${content.filename.replace(/"/g, '')}"`,
        ...(content.data ? { 'content-length': String(content.data.length) } : {})
    };
}

function answer(ctx: RequestContext, content: Content, withBody: boolean): void {
    // A file shared by URL is not fetched (no network here): GET points back to it; HEAD still names it.
    if (!content.data && withBody) return sendRedirect(ctx.res, content.sourceUrl as string);
    ctx.res.writeHead(200, fileHeaders(content));
    ctx.res.end(withBody ? content.data : undefined);
}

export const contentRoutes: Route[] = [
    webexRoute('GET', '/v1/contents/:contentId', 'spark:messages_read', (ctx, state, user) =>
        answer(ctx, visibleContent(state, user, ctx.params.contentId), true)
    ),
    webexRoute('HEAD', '/v1/contents/:contentId', 'spark:messages_read', (ctx, state, user) =>
        answer(ctx, visibleContent(state, user, ctx.params.contentId), false)
    )
];
