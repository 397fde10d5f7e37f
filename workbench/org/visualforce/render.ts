/**
 * A small Visualforce page renderer for the workbench: renders the package's real page files (pages/*.page)
 * against a controller the caller reads, and tells which command button a postback pressed. Pure and
 * synchronous, with no Apex knowledge: the caller creates the controller, calls its action and answers
 * `PageContext.controller` with its properties. What it renders and refuses: README.md.
 */
import { type PageContext, evaluate, evaluateBoolean, mergeText } from './expression.ts';
import { escapeHtml, VOID_ELEMENTS } from './html.ts';
import type { PageNode, VisualforcePage } from './page.ts';
import { type Template, templateText } from './template.ts';

export type { MergeValue, PageContext } from './expression.ts';
export type { CommandButton, PageForm, PageNode, VisualforcePage } from './page.ts';
export { parsePage } from './page.ts';

/** Where and how a rendered page posts back. */
export interface RenderOptions {
    /** Where the page's forms post back (the page URL with its query string). */
    formAction: string;
    /** An opaque token the renderer puts in every form as the hidden field `com.salesforce.visualforce.ViewState`. */
    viewState: string;
    /** The SLDS stylesheet `<apex:slds />` links (the workbench serves `/assets/styles/salesforce-lightning-design-system.min.css`). */
    sldsHref: string;
}

/** The hidden field Visualforce posts a page's view state in. */
export const VIEW_STATE_FIELD = 'com.salesforce.visualforce.ViewState';

// Literal text is written as the page's source has it (already valid markup); in a double-quoted attribute
// a literal " (from a single-quoted source attribute) is re-escaped. Merge fields are always HTML-escaped.
function renderTemplate(template: Template, ctx: PageContext, inAttribute: boolean): string {
    return template.parts
        .map((part) => {
            if (typeof part !== 'string') return escapeHtml(mergeText(evaluate(part, ctx)));
            return inAttribute ? part.replace(/"/g, '&quot;') : part;
        })
        .join('');
}

function renderNodes(nodes: readonly PageNode[], ctx: PageContext, options: RenderOptions): string {
    return nodes.map((node) => renderNode(node, ctx, options)).join('');
}

function renderNode(node: PageNode, ctx: PageContext, options: RenderOptions): string {
    switch (node.kind) {
        case 'text':
            return renderTemplate(node.text, ctx, false);
        case 'element': {
            const attributes = node.attributes
                .map((attribute) => ` ${attribute.name}="${renderTemplate(attribute.value, ctx, true)}"`)
                .join('');
            if (VOID_ELEMENTS.has(node.name.toLowerCase())) return `<${node.name}${attributes} />`;
            return `<${node.name}${attributes}>${renderNodes(node.children, ctx, options)}</${node.name}>`;
        }
        case 'slds':
            // apex:slds links the Lightning Design System stylesheet; the page supplies the slds-scope class itself
            // when applyHtmlTag or applyBodyTag is false (apex:slds,
            // https://developer.salesforce.com/docs/platform/salesforce-pages-developers-guide/guide/pages-compref-slds.md).
            return `<link rel="stylesheet" type="text/css" href="${escapeHtml(options.sldsHref)}" />`;
        case 'form':
            return renderForm(node.clientId, node.children, ctx, options);
        case 'outputPanel':
            // layout="none": the children alone, or nothing when rendered is false (apex:outputPanel › layout).
            if (node.rendered && !evaluateBoolean(node.rendered, ctx, 'apex:outputPanel rendered')) return '';
            return renderNodes(node.children, ctx, options);
        case 'outputText':
            // escape="true", the default: the value HTML-escaped, and no <span> without style or id (apex:outputText).
            return escapeHtml(templateText(node.value, ctx));
        case 'commandButton': {
            // "<input id="thePage:theForm:theButton" type="submit" name="thePage:theForm:theButton" value="Save" />"
            // (apex:commandButton, example); without an id attribute the generated client id is the name alone.
            const styleClass = node.styleClass ? ` class="${escapeHtml(templateText(node.styleClass, ctx))}"` : '';
            const value = escapeHtml(templateText(node.value, ctx));
            return `<input type="submit" name="${escapeHtml(node.clientId)}" value="${value}"${styleClass} />`;
        }
    }
}

// An apex:form: its client id as id and name, a hidden field naming it (what tells a postback which form was
// submitted), its content, and the page's view state.
function renderForm(clientId: string, children: readonly PageNode[], ctx: PageContext, options: RenderOptions): string {
    const id = escapeHtml(clientId);
    return (
        `<form id="${id}" name="${id}" method="post" action="${escapeHtml(options.formAction)}" enctype="application/x-www-form-urlencoded">` +
        `<input type="hidden" name="${id}" value="${id}" />` +
        renderNodes(children, ctx, options) +
        `<input type="hidden" name="${VIEW_STATE_FIELD}" value="${escapeHtml(options.viewState)}" />` +
        `</form>`
    );
}

/**
 * Renders a parsed page as HTML: `<!DOCTYPE html>` (docType="html-5.0"), then the page's own markup with its merge
 * fields evaluated against `ctx` and HTML-escaped, and its components rendered. Throws when an expression does not
 * evaluate (a `rendered` that is not a Boolean, a function given the wrong type).
 */
export function renderPage(page: VisualforcePage, ctx: PageContext, options: RenderOptions): string {
    return `<!DOCTYPE html>${renderNodes(page.body, ctx, options)}`;
}

/**
 * Which `apex:commandButton` a POSTed form pressed: its action's method name (`finish`), or null.
 *
 * As JavaServer Faces decodes a postback, which Visualforce's generated names follow: a form was submitted when
 * its client id is a posted field, and a button was pressed when its name is (a browser posts only the submit
 * button clicked). Given `ctx` (the controller as it was before the postback), a button inside a panel that
 * does not render is not pressable, as a component not rendered is not "processed on any subsequent form
 * submit" (JSF h:commandButton › rendered, https://docs.oracle.com/javaee/5/javaserverfaces/1.2/docs/tlddocs/h/commandButton.html);
 * pass it, or a forged post can press a button the page did not show. Throws when two buttons were posted.
 */
export function pressedAction(page: VisualforcePage, form: URLSearchParams, ctx?: PageContext): string | null {
    for (const candidate of page.forms) {
        if (form.get(candidate.clientId) !== candidate.clientId) continue;
        const pressed = candidate.buttons.filter(
            (button) =>
                form.has(button.clientId) &&
                (!ctx ||
                    button.conditions.every((condition) =>
                        evaluateBoolean(condition, ctx, 'apex:outputPanel rendered')
                    ))
        );
        if (pressed.length > 1)
            throw new Error(
                `Visualforce postback: more than one command button posted (${pressed.map((b) => b.action).join(', ')})`
            );
        if (pressed.length === 1) return pressed[0].action;
    }
    return null;
}
