/**
 * The emulated Visualforce page `webexuserauth` (pages/webexuserauth.page with
 * WebexUserConnectionPageController), where Webex sends a rep back after Allow or Deny:
 * - GET: checks what Webex returned and changes nothing; asks to Finish connecting, or says why the
 *   connection ended;
 * - POST `finish`: exchanges the code, registers the rep's webhooks and stores the connection (a
 *   postback, which Visualforce protects from forgery with its view state; here the form carries the
 *   page's parameters).
 * Once finished the page offers to close its window (the connect card opened it). It runs as the org's
 * signed-in user and speaks their language, as a page of their session would.
 */
import type { ServerResponse } from 'node:http';
import { unexpectedFailure, unexpectedFailureInDebugLog } from '../apex-error.ts';
import type { EmulatedOrg } from '../org-state.ts';
import { checkReturn, completeConnection, type Outcome } from './user-connection-callback.ts';

function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function render(org: EmulatedOrg, content: string): string {
    const title = escapeHtml(org.label('WebexUserConnect_PageTitle'));
    return `<!doctype html>
<html lang="${org.user.language}"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${title}</title><link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css" /></head>
<body><div class="slds-scope"><main class="slds-p-around_large" style="max-width: 40rem; margin: 0 auto">
<h1 class="slds-text-heading_large slds-m-bottom_medium">${title}</h1>
${content}
</main></div></body></html>`;
}

function finishedPage(org: EmulatedOrg, result: Outcome): string {
    const box = result.succeeded
        ? `<div class="slds-notify slds-notify_alert slds-theme_success" role="status"><h2 class="slds-text-heading_small">${escapeHtml(result.message)}</h2></div>`
        : `<div class="slds-notify slds-notify_alert slds-alert_error" role="alert"><h2 class="slds-text-heading_small">${escapeHtml(result.message)}</h2></div>`;
    const warning = result.warning
        ? `<div class="slds-notify slds-notify_alert slds-theme_warning slds-m-top_small" role="status"><p>${escapeHtml(result.warning)}</p></div>`
        : '';
    return render(
        org,
        `${box}${warning}
<p class="slds-m-top_large slds-m-bottom_small">${escapeHtml(org.label('WebexUserConnect_PageCloseHint'))}</p>
<button type="button" class="slds-button slds-button_neutral" onclick="window.close();">${escapeHtml(org.label('WebexUserConnect_PageClose'))}</button>`
    );
}

/**
 * As WebexException.messageForUser: the package's own failures say what happened; any other shows the
 * generic label and a reference, its text kept in the Webex Error Log (apex-error.ts). On a GET (`onLoad`,
 * the Apex constructor, where nothing may be written) the details go to the debug log only.
 */
function failureOf(org: EmulatedOrg, error: unknown, onLoad = false): Outcome {
    const origin = 'WebexUserConnectionPageController';
    const shown = onLoad ? unexpectedFailureInDebugLog(org, error, origin) : unexpectedFailure(org, error, origin);
    const message = shown.payload.message;
    return { code: 'failed', message, succeeded: false, warning: null };
}

/** Answers one request to `/apex/webexuserauth` (or `/apex/<ns>__webexuserauth`). */
export async function handleUserAuthPage(
    org: EmulatedOrg,
    method: string,
    url: URL,
    form: URLSearchParams,
    res: ServerResponse
): Promise<void> {
    const html = (body: string): void => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(body);
    };
    if (method === 'POST' && form.get('action') === 'finish') {
        let result: Outcome;
        try {
            result = await completeConnection(org, url.searchParams);
        } catch (error) {
            result = failureOf(org, error);
        }
        html(finishedPage(org, result));
        return;
    }
    let refused: Outcome | null;
    try {
        refused = checkReturn(org, url.searchParams);
    } catch (error) {
        refused = failureOf(org, error, true);
    }
    if (refused) {
        html(finishedPage(org, refused));
        return;
    }
    html(
        render(
            org,
            `<form method="post" action="${escapeHtml(`${url.pathname}${url.search}`)}">
<p class="slds-m-bottom_medium">${escapeHtml(org.label('WebexUserConnect_PageConfirm', org.user.name))}</p>
<input type="hidden" name="action" value="finish" />
<input type="submit" class="slds-button slds-button_brand" value="${escapeHtml(org.label('WebexUserConnect_PageFinish'))}" />
</form>`
        )
    );
}
