/**
 * The Visualforce renderer against the package's three real pages (pages/*.page): what each shows for each state
 * of its controller, which button a postback pressed, and what the renderer refuses to render.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadLabels } from '../labels.ts';
import {
    type MergeValue,
    type PageContext,
    type RenderOptions,
    VIEW_STATE_FIELD,
    parsePage,
    pressedAction,
    renderPage
} from './render.ts';

const PAGES = path.resolve(import.meta.dirname, '..', '..', '..', 'force-app', 'main', 'default', 'pages');
const LABELS = loadLabels();

function source(page: string): string {
    return readFileSync(path.join(PAGES, `${page}.page`), 'utf8');
}

const OPTIONS: RenderOptions = {
    formAction: '/apex/webexsfdcauth?code=aPrx&state=s1',
    viewState: 'vs"token<1>',
    sldsHref: '/assets/styles/salesforce-lightning-design-system.min.css'
};

/** A controller with these properties (reading any other fails the test), a user speaking `locale`. */
function context(properties: Record<string, MergeValue>, locale = 'en_US'): PageContext {
    const language = locale.startsWith('fr') ? 'fr' : 'en';
    return {
        controller(name) {
            if (!Object.hasOwn(properties, name)) throw new Error(`the page read an unknown property ${name}`);
            return properties[name];
        },
        label(name) {
            const value = LABELS[language][name];
            if (value === undefined) throw new Error(`no label ${name}`);
            return value;
        },
        user: (field) => (field === 'LanguageLocaleKey' ? locale : null)
    };
}

function render(page: string, properties: Record<string, MergeValue>, locale?: string): string {
    return renderPage(parsePage(source(page)), context(properties, locale), OPTIONS);
}

function attributesOf(tag: string): Record<string, string> {
    return Object.fromEntries([...tag.matchAll(/([\w:.-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

/** The submit buttons of the rendered page, their attributes as written. */
function submitButtons(html: string): Array<Record<string, string>> {
    return [...html.matchAll(/<input type="submit"[^>]*>/g)].map((m) => attributesOf(m[0]));
}

/** What a browser posts when the button named `button` is clicked: the form's hidden fields and that button. */
function post(html: string, button: string): URLSearchParams {
    const form = new URLSearchParams();
    for (const m of html.matchAll(/<input type="hidden"[^>]*>/g)) {
        const { name, value } = attributesOf(m[0]);
        form.append(decode(name), decode(value));
    }
    const pressed = submitButtons(html).find((b) => b.name === button);
    assert.ok(pressed, `a button named ${button}`);
    form.append(decode(pressed.name), decode(pressed.value));
    return form;
}

function decode(text: string): string {
    return text.replace(
        /&(lt|gt|quot|amp|#39);/g,
        (_, e: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&', '#39': "'" })[e]!
    );
}

const ERROR_BOX = '<div class="slds-notify slds-notify_alert slds-alert_error" role="alert">';
const SUCCESS_BOX = '<div class="slds-notify slds-notify_alert slds-theme_success" role="status">';
const WARNING_BOX = 'slds-theme_warning';

describe('webexsfdcauth, rendered from the real page file', () => {
    const page = parsePage(source('webexsfdcauth'));

    it('names its controller', () => {
        assert.equal(page.controller, 'WebexSalesforceAuthPageController');
    });

    it('before the end, shows the message and a Finish Authorization button that presses finish', () => {
        const message = 'Click Finish Authorization to let the package act as Avery Admin.';
        const html = render('webexsfdcauth', { finished: false, succeeded: false, message });
        assert.ok(html.startsWith('<!DOCTYPE html>'), 'the HTML5 doctype first');
        assert.match(html, new RegExp(`<p class="slds-m-bottom_medium">${message}</p>`));
        const buttons = submitButtons(html);
        assert.equal(buttons.length, 1, 'one button');
        assert.equal(buttons[0].value, 'Finish Authorization');
        assert.equal(buttons[0].class, 'slds-button slds-button_brand');
        assert.equal(pressedAction(page, post(html, buttons[0].name)), 'finish');
        assert.ok(!html.includes(ERROR_BOX) && !html.includes(SUCCESS_BOX), 'no outcome box');
        assert.ok(!html.includes('Return to Webex Admin'));
    });

    it('when it failed, shows the error box with the message and a Return button that presses returnToAdmin', () => {
        const message = 'Salesforce refused the authorization.';
        const html = render('webexsfdcauth', { finished: true, succeeded: false, message });
        assert.ok(
            html.includes(
                `${ERROR_BOX}\n                                <h2 class="slds-text-heading_small">${message}</h2>`
            )
        );
        assert.ok(!html.includes(SUCCESS_BOX), 'no success box');
        assert.ok(!html.includes('<p class="slds-m-bottom_medium">'), 'no confirmation paragraph');
        const buttons = submitButtons(html);
        assert.deepEqual(
            buttons.map((b) => [b.value, b.class]),
            [['Return to Webex Admin', 'slds-button slds-button_neutral']]
        );
        assert.equal(pressedAction(page, post(html, buttons[0].name)), 'returnToAdmin');
    });

    it('when it succeeded, shows the success box and the Return button', () => {
        const html = render('webexsfdcauth', {
            finished: true,
            succeeded: true,
            message: 'The package is authorized.'
        });
        assert.match(html, /role="status">\s*<h2 class="slds-text-heading_small">The package is authorized\.<\/h2>/);
        assert.ok(html.includes(SUCCESS_BOX) && !html.includes(ERROR_BOX));
        assert.deepEqual(
            submitButtons(html).map((b) => b.value),
            ['Return to Webex Admin']
        );
    });

    it('escapes what the controller says: a message with <script> stays text', () => {
        const message = `<script>alert("x")</script> & 'q'`;
        for (const finished of [false, true]) {
            const html = render('webexsfdcauth', { finished, succeeded: false, message });
            assert.ok(!html.includes('<script'), 'no script element');
            assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;'));
        }
    });

    it("speaks the user's language: lang from LEFT($User.LanguageLocaleKey, 2), labels escaped", () => {
        const french = render('webexsfdcauth', { finished: false, succeeded: false, message: 'm' }, 'fr_FR');
        assert.match(french, /^<!DOCTYPE html>\s*<html lang="fr">/);
        assert.ok(french.includes('<title>Webex pour Salesforce : autorisation Salesforce</title>'));
        assert.equal(submitButtons(french)[0].value, 'Terminer l&#39;autorisation');
        const english = render('webexsfdcauth', { finished: false, succeeded: false, message: 'm' }, 'en_US');
        assert.match(english, /^<!DOCTYPE html>\s*<html lang="en">/);
    });

    it('links the SLDS stylesheet in the head, and posts its form back with the view state', () => {
        const html = render('webexsfdcauth', { finished: false, succeeded: false, message: 'm' });
        assert.match(
            html,
            /<head>[\s\S]*<link rel="stylesheet" type="text\/css" href="\/assets\/styles\/salesforce-lightning-design-system\.min\.css" \/>[\s\S]*<\/head>/
        );
        const form = /<form [^>]*>/.exec(html)?.[0] ?? '';
        const attributes = attributesOf(form);
        assert.match(attributes.id, /^j_id0:j_id\d+$/, 'an id as Visualforce generates them');
        assert.equal(attributes.name, attributes.id);
        assert.equal(attributes.method, 'post');
        assert.equal(attributes.action, '/apex/webexsfdcauth?code=aPrx&amp;state=s1');
        assert.ok(html.includes(`<input type="hidden" name="${attributes.id}" value="${attributes.id}" />`));
        assert.ok(html.includes(`<input type="hidden" name="${VIEW_STATE_FIELD}" value="vs&quot;token&lt;1&gt;" />`));
        assert.equal(html.match(/<form /g)?.length, 1);
    });

    it('gives each button a distinct name that stays the same from render to render', () => {
        const before = render('webexsfdcauth', { finished: false, succeeded: false, message: 'm' });
        const after = render('webexsfdcauth', { finished: true, succeeded: false, message: 'm' });
        const finish = submitButtons(before)[0].name;
        const back = submitButtons(after)[0].name;
        assert.match(finish, /^j_id0:j_id\d+:j_id\d+$/);
        assert.notEqual(finish, back);
        assert.equal(
            submitButtons(render('webexsfdcauth', { finished: false, succeeded: true, message: 'x' }))[0].name,
            finish
        );
        assert.equal(parsePage(source('webexsfdcauth')), page, 'parsed once, cached by content');
    });

    it('pressedAction: nothing without the form, nothing for a button the page did not render, never two', () => {
        const html = render('webexsfdcauth', { finished: false, succeeded: false, message: 'm' });
        const finish = submitButtons(html)[0].name;
        const back = submitButtons(render('webexsfdcauth', { finished: true, succeeded: false, message: 'm' }))[0].name;
        const posted = post(html, finish);
        assert.equal(pressedAction(page, new URLSearchParams()), null, 'a GET posts nothing');
        const withoutForm = new URLSearchParams(posted);
        withoutForm.delete(page.forms[0].clientId);
        assert.equal(pressedAction(page, withoutForm), null, 'no form marker: not this form');
        const onlyForm = new URLSearchParams(posted);
        onlyForm.delete(finish);
        assert.equal(pressedAction(page, onlyForm), null, 'the form without a button: nothing pressed');
        assert.equal(pressedAction(page, posted, context({ finished: false })), 'finish');
        assert.equal(
            pressedAction(page, posted, context({ finished: true })),
            null,
            'Finish is not rendered once finished'
        );
        const forged = new URLSearchParams(posted);
        forged.delete(finish);
        forged.append(back, 'Return to Webex Admin');
        assert.equal(pressedAction(page, forged, context({ finished: false })), null, 'Return is not rendered yet');
        assert.equal(pressedAction(page, forged), 'returnToAdmin', 'without the controller, the name alone decides');
        posted.append(back, 'Return to Webex Admin');
        assert.throws(
            () => pressedAction(page, posted),
            /more than one command button posted \(finish, returnToAdmin\)/
        );
    });

    it('refuses a rendered condition that is not a Boolean', () => {
        assert.throws(
            () => render('webexsfdcauth', { finished: 'yes', succeeded: false, message: 'm' }),
            /NOT: argument 1 is "yes", not a Boolean/
        );
    });
});

describe('webexuserauth, rendered from the real page file', () => {
    const page = parsePage(source('webexuserauth'));

    it('names its controller, and before the end offers Finish connecting, which presses finish', () => {
        assert.equal(page.controller, 'WebexUserConnectionPageController');
        const html = render('webexuserauth', {
            finished: false,
            succeeded: false,
            message: 'Click Finish connecting',
            warning: 'w'
        });
        const buttons = submitButtons(html);
        assert.deepEqual(
            buttons.map((b) => b.value),
            ['Finish connecting']
        );
        assert.equal(pressedAction(page, post(html, buttons[0].name)), 'finish');
        assert.ok(!html.includes(WARNING_BOX), 'no warning before the end, even with one');
        assert.ok(!html.includes('window.close()'), 'no Close button before the end');
    });

    it('shows the warning panel only when the warning is not blank', () => {
        for (const warning of [null, '']) {
            const html = render('webexuserauth', { finished: true, succeeded: true, message: 'Connected.', warning });
            assert.ok(!html.includes(WARNING_BOX), `no warning panel for ${JSON.stringify(warning)}`);
            assert.ok(html.includes(SUCCESS_BOX));
        }
        const html = render('webexuserauth', {
            finished: true,
            succeeded: true,
            message: 'Connected.',
            warning: 'No webhook site <yet>'
        });
        assert.match(
            html,
            /slds-theme_warning slds-m-top_small"\s+role="status"\s*>\s*<p>No webhook site &lt;yet&gt;<\/p>/
        );
        assert.ok(html.indexOf(SUCCESS_BOX) < html.indexOf(WARNING_BOX), 'after the success box');
    });

    it('once finished, offers to close the window with the page’s own onclick, and no submit button', () => {
        const html = render(
            'webexuserauth',
            { finished: true, succeeded: false, message: 'Webex refused.', warning: null },
            'fr_FR'
        );
        assert.ok(html.includes(ERROR_BOX));
        assert.ok(
            html.includes(
                '<p class="slds-m-top_large slds-m-bottom_small">Vous pouvez fermer cette fenêtre et revenir à Salesforce.</p>'
            )
        );
        assert.match(
            html,
            /<button type="button" class="slds-button slds-button_neutral" onclick="window\.close\(\)">\s*Fermer cette fenêtre\s*<\/button>/
        );
        assert.deepEqual(submitButtons(html), []);
    });
});

describe('webexwebhooks, rendered from the real page file', () => {
    it('has no controller, no form, and shows its label', () => {
        const page = parsePage(source('webexwebhooks'));
        assert.equal(page.controller, null);
        assert.deepEqual(page.forms, []);
        const html = renderPage(page, context({}), OPTIONS);
        assert.match(html, /^<!DOCTYPE html>\s*<html lang="en">\s*<head>\s*<meta charset="utf-8" \/>/);
        assert.ok(html.includes('<p>This site receives Webex webhooks for Webex for Salesforce.</p>'));
        assert.ok(!html.includes('<form'));
        assert.ok(!html.includes('<link'), 'no SLDS: the page does not ask for it');
    });
});

describe('What the renderer refuses, naming it', () => {
    // Each case changes a real page; the change must apply (else the test would prove nothing) and then fail.
    const cases: Array<[string, string, string, RegExp]> = [
        ['an unknown function', 'LEFT($User', 'MID($User', /the function MID is not supported/],
        [
            'escape="false"',
            '<apex:outputText value="{!message}" />',
            '<apex:outputText value="{!message}" escape="false" />',
            /escape="false"/
        ],
        [
            'another outputPanel layout',
            'layout="none" rendered="{!finished}"',
            'layout="block" rendered="{!finished}"',
            /layout="block"/
        ],
        [
            'a Salesforce header',
            'showHeader="false"',
            'showHeader="true"',
            /must set showHeader="false" \(found "true"\)/
        ],
        ['another doctype', 'docType="html-5.0"', 'docType="html-4.01-strict"', /docType="html-5\.0"/],
        ['a missing page attribute', 'sidebar="false"', '', /must set sidebar="false" \(found none\)/],
        [
            'an operator',
            'rendered="{!finished}"',
            'rendered="{!finished &amp;&amp; succeeded}"',
            /the operator && is not supported/
        ],
        [
            'a global variable',
            '{!$Label.WebexSfAuth_PageTitle}</h1>',
            '{!$CurrentPage.parameters.code}</h1>',
            /\$CurrentPage is not supported/
        ],
        [
            'another component',
            '<apex:slds />',
            '<apex:includeScript value="/x.js" />',
            /the component <apex:includeScript> is not supported/
        ],
        [
            'a script',
            '<apex:slds />',
            '<apex:slds /><script>var a = 1;</script>',
            /the <script> element is not supported/
        ],
        ['a comment', '<apex:slds />', '<apex:slds /><!-- styles -->', /HTML comments are not supported/],
        [
            'a standard controller',
            'controller="WebexSalesforceAuthPageController"',
            'standardController="Account"',
            /the attribute standardController of <apex:page>/
        ],
        [
            'a button attribute',
            'action="{!finish}"',
            'action="{!finish}" reRender="x"',
            /the attribute reRender of <apex:commandButton>/
        ],
        [
            'a button action that is not a method',
            'action="{!finish}"',
            'action="{!NOT(finish)}"',
            /must name a controller method/
        ],
        [
            'a static rendered',
            'rendered="{!finished}"',
            'rendered="true"',
            /rendered> must be one \{!\.\.\.\} expression/
        ],
        [
            'an unclosed merge field',
            '{!$Label.WebexSfAuth_PageTitle}</title>',
            '{!$Label.WebexSfAuth_PageTitle</title>',
            /is not closed/
        ],
        ['malformed XML', '</main>', '', /not well-formed XML/]
    ];
    for (const [what, from, to, error] of cases) {
        it(`refuses ${what}`, () => {
            const original = source('webexsfdcauth');
            const changed = original.replace(from, to);
            assert.notEqual(changed, original, `the page has ${from}`);
            parsePage(original);
            assert.throws(() => parsePage(changed), error);
        });
    }

    it('refuses a merge field in an event handler, and a command button outside a form', () => {
        const original = source('webexuserauth');
        const handler = original.replace('onclick="window.close()"', 'onclick="{!message}"');
        assert.notEqual(handler, original);
        assert.throws(() => parsePage(handler), /a merge field in <button onclick> is not supported/);
        const outside = original.replace('<apex:form>', '').replace('</apex:form>', '');
        assert.notEqual(outside, original);
        assert.throws(() => parsePage(outside), /an apex:commandButton outside an apex:form/);
    });
});
