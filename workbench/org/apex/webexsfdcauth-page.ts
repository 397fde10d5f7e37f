/**
 * The emulated Visualforce page `webexsfdcauth` (pages/webexsfdcauth.page with
 * WebexSalesforceAuthPageController), where Salesforce returns after the consent page:
 * - GET: checks what Salesforce returned and changes nothing; asks to Finish Authorization, or says why
 *   the authorization ended;
 * - POST `finish`: exchanges the code and stores the authorization (a postback, which Visualforce
 *   protects from forgery with its view state; here the form carries the page's parameters);
 * - POST `return`: back to the Webex Admin tab with the outcome, forgetting what was pending when the
 *   authorization did not complete.
 * It runs as the org's signed-in user and speaks their language, as a page of their session would.
 */
import type { ServerResponse } from 'node:http';
import { AuraHandledError, unexpectedFailure, unexpectedFailureInDebugLog } from '../apex-error.ts';
import type { EmulatedOrg } from '../org-state.ts';
import { ADMIN_PERMISSION } from './admin-access.ts';
import {
    checkReturn,
    completeAuthorization,
    discardPendingAuthorization,
    returnUrl,
    type Outcome
} from './salesforce-auth.ts';

function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function hidden(name: string, value: string): string {
    return `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}" />`;
}

function render(org: EmulatedOrg, content: string): string {
    const title = escapeHtml(org.label('WebexSfAuth_PageTitle'));
    return `<!doctype html>
<html lang="${org.user.language}"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${title}</title><link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css" /></head>
<body><div class="slds-scope"><main class="slds-p-around_large" style="max-width: 48rem; margin: 0 auto">
<h1 class="slds-text-heading_large slds-m-bottom_medium">${title}</h1>
${content}
</main></div></body></html>`;
}

/** The page once the authorization ended: how, and Return to Webex Admin. */
function finishedPage(org: EmulatedOrg, action: string, outcome: Outcome): string {
    const box = outcome.succeeded
        ? `<div class="slds-notify slds-notify_alert slds-theme_success" role="status">`
        : `<div class="slds-notify slds-notify_alert slds-alert_error" role="alert">`;
    return render(
        org,
        `<form method="post" action="${escapeHtml(action)}">
${box}<h2 class="slds-text-heading_small">${escapeHtml(outcome.message)}</h2></div>
${hidden('action', 'return')}${hidden('outcome', outcome.code)}${hidden('succeeded', String(outcome.succeeded))}
<p class="slds-m-top_large"><input type="submit" class="slds-button slds-button_neutral" value="${escapeHtml(org.label('WebexSfAuth_PageReturn'))}" /></p>
</form>`
    );
}

/**
 * As WebexException.messageForUser: the package's own failures say what happened; any other shows the
 * generic label and a reference, its text kept in the Webex Error Log (apex-error.ts). On a GET (`onLoad`,
 * the Apex constructor, where nothing may be written) the details go to the debug log only.
 */
function failureOf(org: EmulatedOrg, error: unknown, onLoad = false): Outcome {
    const origin = 'WebexSalesforceAuthPageController';
    const shown = onLoad ? unexpectedFailureInDebugLog(org, error, origin) : unexpectedFailure(org, error, origin);
    return {
        code: shown.payload.code === 'NOT_ADMIN' ? 'not_admin' : 'failed',
        message: shown.payload.message,
        succeeded: false
    };
}

function requireAdmin(org: EmulatedOrg): void {
    if (!org.hasCustomPermission(ADMIN_PERMISSION))
        throw new AuraHandledError('NOT_ADMIN', org.label('WebexError_NotAdmin'));
}

/** Answers one request to `/apex/webexsfdcauth` (or `/apex/<ns>__webexsfdcauth`). */
export async function handleSalesforceAuthPage(
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
    const action = `${url.pathname}${url.search}`;
    if (method === 'POST' && form.get('action') === 'return') {
        if (form.get('succeeded') !== 'true' && org.hasCustomPermission(ADMIN_PERMISSION))
            discardPendingAuthorization(org);
        res.writeHead(302, { location: returnUrl(org, form.get('outcome') || 'failed'), 'cache-control': 'no-store' });
        res.end();
        return;
    }
    if (method === 'POST' && form.get('action') === 'finish') {
        let outcome: Outcome;
        try {
            requireAdmin(org);
            outcome = await completeAuthorization(org, url.searchParams);
        } catch (error) {
            outcome = failureOf(org, error);
        }
        html(finishedPage(org, action, outcome));
        return;
    }
    let refused: Outcome | null;
    try {
        requireAdmin(org);
        refused = checkReturn(org, url.searchParams);
    } catch (error) {
        refused = failureOf(org, error, true);
    }
    if (refused) {
        html(finishedPage(org, action, refused));
        return;
    }
    html(
        render(
            org,
            `<form method="post" action="${escapeHtml(action)}">
<p class="slds-m-bottom_medium">${escapeHtml(org.label('WebexSfAuth_PageConfirm', org.user.name))}</p>
${hidden('action', 'finish')}
<input type="submit" class="slds-button slds-button_brand" value="${escapeHtml(org.label('WebexSfAuth_PageFinish'))}" />
</form>`
        )
    );
}
