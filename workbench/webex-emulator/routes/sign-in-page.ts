/**
 * The pages `/v1/authorize` shows a browser: Webex's sign-in (choose one of the emulator's people, or type
 * an email, then Continue) and the error page for a request Webex cannot send back to its client (unknown
 * `client_id`, unregistered `redirect_uri`). Plain HTML that works without its script, readable by a screen reader:
 * a radio group with a legend, a labelled email field, an alert for what went wrong.
 */
import type { ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { EmulatedUser } from '../state.ts';

/** What the sign-in page carries through its form: the authorization request, as received. */
export interface AuthorizationRequest {
    clientId: string;
    integrationName: string;
    redirectUri: string;
    scopes: string[];
    state: string | null;
}

export interface SignInPage {
    request: AuthorizationRequest;
    people: EmulatedUser[];
    /** The email to show chosen: a `login_hint`, or what the person typed last time. */
    email: string;
    problem: string | null;
}

function escapeHtml(text: string): string {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}

const STYLE = `
body { font-family: system-ui, sans-serif; background: #f7f7f7; color: #121212; margin: 0; }
main { max-width: 28rem; margin: 3rem auto; background: #fff; border-radius: 0.5rem; padding: 2rem;
       box-shadow: 0 1px 4px rgba(0,0,0,0.15); }
.brand { font-weight: 700; color: #0a6; letter-spacing: 0.02em; }
h1 { font-size: 1.5rem; margin: 0.5rem 0 1rem; }
fieldset { border: 0; padding: 0; margin: 1rem 0; }
legend { font-weight: 600; margin-bottom: 0.5rem; }
.person { display: flex; gap: 0.75rem; align-items: center; padding: 0.5rem; border: 1px solid #ccc;
          border-radius: 0.375rem; margin-bottom: 0.5rem; cursor: pointer; }
.person small { display: block; color: #4a4a4a; }
label[for=email] { display: block; font-weight: 600; margin-top: 1rem; }
input[type=email] { width: 100%; box-sizing: border-box; padding: 0.5rem; margin-top: 0.25rem;
                    border: 1px solid #767676; border-radius: 0.25rem; font-size: 1rem; }
.alert { color: #b00020; font-weight: 600; }
.actions { display: flex; gap: 0.75rem; margin-top: 1.5rem; }
button { padding: 0.5rem 1.25rem; border-radius: 1.25rem; font-size: 1rem; border: 1px solid #121212;
         background: #fff; cursor: pointer; }
button.primary { background: #121212; color: #fff; }
code { word-break: break-all; }
`;

function page(title: string, body: string): string {
    return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main><div class="brand">Webex</div>
${body}
</main></body>
</html>`;
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
    res.writeHead(status, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        trackingid: `EMU_${randomUUID()}`
    });
    res.end(html);
}

/** The sign-in page: who signs in, for which integration; Continue or Cancel post back to `/v1/authorize`. */
export function sendSignInPage(res: ServerResponse, view: SignInPage): void {
    const { request } = view;
    const wanted = view.email.trim().toLowerCase();
    const chosen = view.people.find((p) => p.emails.some((e) => e.toLowerCase() === wanted));
    const hidden = Object.entries({
        client_id: request.clientId,
        response_type: 'code',
        redirect_uri: request.redirectUri,
        scope: request.scopes.join(' '),
        ...(request.state === null ? {} : { state: request.state })
    })
        .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
        .join('\n');
    const people = view.people
        .map((person, index) => {
            const email = person.emails[0] ?? '';
            const checked = person === chosen ? ' checked' : '';
            return `<label class="person" for="account-${index}"><input type="radio" id="account-${index}" name="account" value="${escapeHtml(email)}"${checked}>
<span><span>${escapeHtml(person.displayName)}</span> <small>${escapeHtml(email)}</small></span></label>`;
        })
        .join('\n');
    const typed = chosen ? '' : view.email;
    const problem = view.problem ? `<p class="alert" role="alert">${escapeHtml(view.problem)}</p>` : '';
    const body = `<h1>Sign in to Webex</h1>
<p><strong>${escapeHtml(request.integrationName)}</strong> asks to use your Webex account
(${escapeHtml(request.scopes.join(', '))}).</p>
${problem}
<form method="post" action="/v1/authorize">
${hidden}
<fieldset><legend>Choose your Webex account</legend>
${people}
</fieldset>
<label for="email">Or enter your email address</label>
<input type="email" id="email" name="email" autocomplete="email" value="${escapeHtml(typed)}">
<div class="actions">
<button type="submit" class="primary" name="action" value="continue">Continue</button>
<button type="submit" name="action" value="cancel" formnovalidate>Cancel</button>
</div>
</form>
<script>
// One choice at a time: a typed email wins on the server, so choosing a person clears it, and typing clears the choice.
const form = document.querySelector('form');
form.addEventListener('change', (event) => {
    if (event.target.name === 'account') form.email.value = '';
});
form.email.addEventListener('input', () => {
    for (const radio of form.querySelectorAll('input[name=account]')) radio.checked = false;
});
</script>`;
    sendHtml(res, 200, page('Sign in to Webex', body));
}

/**
 * A request Webex cannot answer to its client: no redirect (the redirect URI cannot be trusted), a page
 * that says what is wrong, as Webex shows one.
 */
export function sendAuthorizeErrorPage(res: ServerResponse, message: string): void {
    const body = `<h1>Webex cannot sign you in</h1>
<p class="alert" role="alert">${escapeHtml(message)}</p>
<p>Close this window and tell the administrator of the application that sent you here.</p>`;
    sendHtml(res, 400, page('Webex cannot sign you in', body));
}
