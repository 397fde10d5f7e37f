/** `/v1/contents/{contentId}`: a message's file, for members of its room only (the bearer token is needed). */
import { notFound } from '../errors.ts';
import { sendRedirect } from '../http.ts';
import { webexRoute, type Route } from './route.ts';

export const contentRoutes: Route[] = [
    webexRoute('GET', '/v1/contents/:contentId', 'spark:messages_read', (ctx, state, user) => {
        const content = state.messaging.contents.get(ctx.params.contentId);
        if (!content || !state.messaging.membership(content.roomId, user.id)) throw notFound();
        // A file shared by URL is not fetched (no network here): the emulator points back to it.
        if (!content.data) return sendRedirect(ctx.res, content.sourceUrl as string);
        ctx.res.writeHead(200, {
            'content-type': content.contentType,
            'content-disposition': `attachment; filename="${content.filename.replace(/"/g, '')}"`,
            'content-length': String(content.data.length)
        });
        ctx.res.end(content.data);
    })
];
