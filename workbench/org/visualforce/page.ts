/**
 * Reads a Visualforce page file into the components it renders: the subset of Visualforce the package's pages
 * use, and nothing else. Anything outside it (a component, an attribute or value, a function) throws an Error
 * naming it when the page is parsed, so a page the renderer cannot render faithfully never renders at all.
 *
 * Component references: Visualforce Developer Guide › Standard Component Reference (apex:page, apex:slds,
 * apex:form, apex:outputPanel, apex:outputText, apex:commandButton),
 * https://developer.salesforce.com/docs/platform/salesforce-pages-developers-guide/guide/pages-compref-page.html.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Expression } from './expression.ts';
import { VOID_ELEMENTS } from './html.ts';
import { type Template, compileTemplate, decodeXml, hasMergeField, singleExpression } from './template.ts';

/** A piece of the page as it renders. */
export type PageNode =
    | { readonly kind: 'text'; readonly text: Template }
    | {
          readonly kind: 'element';
          readonly name: string;
          readonly attributes: ReadonlyArray<{ readonly name: string; readonly value: Template }>;
          readonly children: readonly PageNode[];
      }
    | { readonly kind: 'slds' }
    | { readonly kind: 'form'; readonly clientId: string; readonly children: readonly PageNode[] }
    | { readonly kind: 'outputPanel'; readonly rendered: Expression | null; readonly children: readonly PageNode[] }
    | { readonly kind: 'outputText'; readonly value: Template }
    | {
          readonly kind: 'commandButton';
          readonly clientId: string;
          readonly action: string;
          readonly value: Template;
          readonly styleClass: Template | null;
      };

/** A command button as a postback finds it: its generated name, its action, and the panels it renders in. */
export interface CommandButton {
    /** The generated client id, the `name` the button posts (`j_id0:j_id2:j_id5`). */
    readonly clientId: string;
    /** The controller method its `action="{!method}"` names. */
    readonly action: string;
    /** The `rendered` conditions of the panels around it, outermost first. */
    readonly conditions: readonly Expression[];
}

/** An `apex:form` as a postback finds it. */
export interface PageForm {
    /** The generated client id: the form's `id`, and the hidden field that says this form was posted. */
    readonly clientId: string;
    readonly buttons: readonly CommandButton[];
}

/** The page's parsed form (parse once, cache by file content). */
export interface VisualforcePage {
    /** The `controller` attribute of `apex:page` (`WebexSalesforceAuthPageController`), or null. */
    readonly controller: string | null;
    /** What the page renders inside `apex:page`. */
    readonly body: readonly PageNode[];
    /** The page's forms and their command buttons, for `pressedAction`. */
    readonly forms: readonly PageForm[];
}

type XmlNode = { [name: string]: XmlNode[] | string | Record<string, string> | undefined } & {
    ':@'?: Record<string, string>;
};

const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    // Text and attribute values stay as written (entities and all): they pass through to HTML unchanged.
    processEntities: false,
    commentPropName: '#comment',
    cdataPropName: '#cdata',
    ignoreDeclaration: false,
    ignorePiTags: false
});

// The apex:page attribute values this renderer honours: a page without Salesforce's header, sidebar and
// stylesheets that writes its own <html> and <body> as HTML5, which is what the workbench can serve. Visualforce
// Developer Guide › Creating an Empty HTML5 "Container" Page,
// https://developer.salesforce.com/docs/platform/salesforce-pages-developers-guide/guide/pages-html-container-page.md.
const REQUIRED_PAGE_ATTRIBUTES: Record<string, string> = {
    showHeader: 'false',
    sidebar: 'false',
    standardStylesheets: 'false',
    applyHtmlTag: 'false',
    applyBodyTag: 'false',
    docType: 'html-5.0'
};

// Elements whose content is not HTML: Visualforce does not HTML-encode merge fields there (Trailhead › Prevent XSS
// in Lightning Platform Applications: script and style contexts), and their text is not XML-safe either.
const REFUSED_ELEMENTS = new Set(['script', 'style']);

/** A parse in progress: Visualforce numbers components it generates ids for in document order. */
class PageReader {
    private nextId = 1;
    readonly forms: PageForm[] = [];
    private form: { clientId: string; buttons: CommandButton[] } | null = null;
    private readonly conditions: Expression[] = [];
    readonly pageId: string;

    constructor(pageId: string) {
        this.pageId = pageId;
    }

    generatedId(): string {
        return `j_id${this.nextId++}`;
    }

    children(nodes: XmlNode[]): PageNode[] {
        return nodes.flatMap((node) => this.node(node));
    }

    private node(node: XmlNode): PageNode[] {
        const name = Object.keys(node).find((key) => key !== ':@');
        if (name === undefined) return [];
        if (name === '#text') return [{ kind: 'text', text: compileTemplate(String(node['#text'])) }];
        if (name === '#comment') throw new Error('Visualforce page: HTML comments are not supported');
        if (name === '#cdata') throw new Error('Visualforce page: CDATA sections are not supported');
        if (name.startsWith('?') || name.startsWith('!'))
            throw new Error(`Visualforce page: <${name}> is not supported inside apex:page`);
        const attributes = node[':@'] ?? {};
        const children = (node[name] as XmlNode[] | undefined) ?? [];
        if (name.startsWith('apex:')) return [this.component(name, attributes, children)];
        if (name.includes(':')) throw new Error(`Visualforce page: the component <${name}> is not supported`);
        return [this.element(name, attributes, children)];
    }

    private element(name: string, attributes: Record<string, string>, children: XmlNode[]): PageNode {
        if (REFUSED_ELEMENTS.has(name.toLowerCase()))
            throw new Error(`Visualforce page: the <${name}> element is not supported (its content is not HTML)`);
        if (VOID_ELEMENTS.has(name.toLowerCase()) && children.length > 0)
            throw new Error(`Visualforce page: <${name}> is a void element and cannot have content`);
        const compiled = Object.entries(attributes).map(([attribute, raw]) => {
            const value = compileTemplate(raw);
            // An event handler or style is JavaScript or CSS: HTML-encoding a merge field does not make it safe
            // there, and a faithful rendering would need the page's JSENCODE; no page needs it.
            if (hasMergeField(value) && (/^on/i.test(attribute) || attribute.toLowerCase() === 'style'))
                throw new Error(`Visualforce page: a merge field in <${name} ${attribute}> is not supported`);
            return { name: attribute, value };
        });
        return { kind: 'element', name, attributes: compiled, children: this.children(children) };
    }

    private component(name: string, attributes: Record<string, string>, children: XmlNode[]): PageNode {
        switch (name) {
            case 'apex:slds':
                allowOnly(name, attributes, []);
                noContent(name, children);
                this.generatedId();
                return { kind: 'slds' };
            case 'apex:form':
                return this.readForm(attributes, children);
            case 'apex:outputPanel':
                return this.outputPanel(attributes, children);
            case 'apex:outputText':
                allowOnly(name, attributes, ['value', 'escape']);
                noContent(name, children);
                // escape="false" would write the value as HTML, which no page of the package may do.
                if (attributes.escape !== undefined && literal(name, 'escape', attributes.escape) !== 'true')
                    throw new Error(
                        `Visualforce page: <apex:outputText escape="${attributes.escape}"> is not supported`
                    );
                this.generatedId();
                return { kind: 'outputText', value: compileTemplate(required(name, attributes, 'value')) };
            case 'apex:commandButton':
                return this.commandButton(attributes, children);
            default:
                throw new Error(`Visualforce page: the component <${name}> is not supported`);
        }
    }

    private readForm(attributes: Record<string, string>, children: XmlNode[]): PageNode {
        allowOnly('apex:form', attributes, []);
        if (this.form) throw new Error('Visualforce page: an apex:form inside another apex:form');
        const clientId = `${this.pageId}:${this.generatedId()}`;
        const form = { clientId, buttons: [] as CommandButton[] };
        this.form = form;
        const body = this.children(children);
        this.form = null;
        this.forms.push(form);
        return { kind: 'form', clientId, children: body };
    }

    private outputPanel(attributes: Record<string, string>, children: XmlNode[]): PageNode {
        allowOnly('apex:outputPanel', attributes, ['layout', 'rendered']);
        // layout="none" renders no tag of its own (apex:outputPanel › layout); block and inline would add an id'd
        // div or span, which no page of the package uses.
        if (literal('apex:outputPanel', 'layout', required('apex:outputPanel', attributes, 'layout')) !== 'none')
            throw new Error(`Visualforce page: <apex:outputPanel layout="${attributes.layout}"> is not supported`);
        const rendered =
            attributes.rendered === undefined
                ? null
                : expressionOnly('apex:outputPanel', 'rendered', attributes.rendered);
        this.generatedId();
        if (rendered) this.conditions.push(rendered);
        const body = this.children(children);
        if (rendered) this.conditions.pop();
        return { kind: 'outputPanel', rendered, children: body };
    }

    private commandButton(attributes: Record<string, string>, children: XmlNode[]): PageNode {
        const name = 'apex:commandButton';
        allowOnly(name, attributes, ['action', 'value', 'styleClass']);
        noContent(name, children);
        // "An <apex:commandButton> component must always be a child of an <apex:form> component."
        // (apex:commandButton, https://developer.salesforce.com/docs/platform/salesforce-pages-developers-guide/guide/pages-compref-commandbutton.html)
        if (!this.form) throw new Error('Visualforce page: an apex:commandButton outside an apex:form');
        const action = expressionOnly(name, 'action', required(name, attributes, 'action'));
        if (action.root.kind !== 'controller')
            throw new Error(`Visualforce page: <${name} action="{!${action.source}}"> must name a controller method`);
        const clientId = `${this.form.clientId}:${this.generatedId()}`;
        this.form.buttons.push({ clientId, action: action.root.name, conditions: [...this.conditions] });
        return {
            kind: 'commandButton',
            clientId,
            action: action.root.name,
            value: compileTemplate(required(name, attributes, 'value')),
            styleClass: attributes.styleClass === undefined ? null : compileTemplate(attributes.styleClass)
        };
    }
}

function allowOnly(component: string, attributes: Record<string, string>, allowed: readonly string[]): void {
    for (const attribute of Object.keys(attributes))
        if (!allowed.includes(attribute))
            throw new Error(`Visualforce page: the attribute ${attribute} of <${component}> is not supported`);
}

function required(component: string, attributes: Record<string, string>, attribute: string): string {
    const value = attributes[attribute];
    if (value === undefined) throw new Error(`Visualforce page: <${component}> needs its ${attribute} attribute`);
    return value;
}

function noContent(component: string, children: XmlNode[]): void {
    const content = children.some((child) => !('#text' in child) || String(child['#text']).trim() !== '');
    if (content) throw new Error(`Visualforce page: <${component}> cannot have content here`);
}

// An attribute that must be a plain value (`layout="none"`), not a merge field.
function literal(component: string, attribute: string, raw: string): string {
    if (hasMergeField(compileTemplate(raw)))
        throw new Error(`Visualforce page: a merge field in <${component} ${attribute}> is not supported`);
    return decodeXml(raw).trim().toLowerCase();
}

// An attribute that must be exactly one merge field (`rendered="{!finished}"`).
function expressionOnly(component: string, attribute: string, raw: string): Expression {
    const expression = singleExpression(compileTemplate(raw.trim()));
    if (!expression) throw new Error(`Visualforce page: <${component} ${attribute}> must be one {!...} expression`);
    return expression;
}

function pageAttributes(attributes: Record<string, string>): { controller: string | null } {
    allowOnly('apex:page', attributes, ['controller', 'title', ...Object.keys(REQUIRED_PAGE_ATTRIBUTES)]);
    for (const [attribute, expected] of Object.entries(REQUIRED_PAGE_ATTRIBUTES)) {
        const value = attributes[attribute];
        if (value === undefined || literal('apex:page', attribute, value) !== expected)
            throw new Error(
                `Visualforce page: <apex:page> must set ${attribute}="${expected}" (found ${value === undefined ? 'none' : `"${value}"`})`
            );
    }
    // With applyHtmlTag or applyBodyTag false "the title attribute of the <apex:page> component is ignored" (Creating
    // an Empty HTML5 "Container" Page): compiled so that an unsupported expression still fails, never rendered.
    if (attributes.title !== undefined) compileTemplate(attributes.title);
    const controller = attributes.controller === undefined ? null : decodeXml(attributes.controller).trim();
    if (controller !== null && !/^[A-Za-z]\w*(?:\.[A-Za-z]\w*)?$/.test(controller))
        throw new Error(`Visualforce page: the controller "${controller}" is not an Apex class name`);
    return { controller };
}

function readPage(source: string): VisualforcePage {
    const valid = XMLValidator.validate(source);
    if (valid !== true)
        throw new Error(`Visualforce page: not well-formed XML at line ${valid.err.line}: ${valid.err.msg}`);
    const document = parser.parse(source) as XmlNode[];
    const roots = document.filter((node) => !('#text' in node && String(node['#text']).trim() === ''));
    const root = roots[0];
    if (roots.length !== 1 || !root || !('apex:page' in root))
        throw new Error('Visualforce page: the file must hold one <apex:page> and nothing else');
    const { controller } = pageAttributes(root[':@'] ?? {});
    // apex:page is the first naming container, j_id0, as Visualforce's generated ids begin.
    const reader = new PageReader('j_id0');
    const body = reader.children((root['apex:page'] as XmlNode[] | undefined) ?? []);
    return { controller, body, forms: reader.forms };
}

const cache = new Map<string, VisualforcePage>();
const CACHE_SIZE = 32;

/**
 * Parses a page file (its whole text) into what `renderPage` renders and `pressedAction` decodes. The result is
 * cached by content, so callers may parse on every request. Throws an Error naming any tag, attribute, value,
 * function, operator or global variable outside the supported subset (README.md).
 */
export function parsePage(source: string): VisualforcePage {
    const cached = cache.get(source);
    if (cached) return cached;
    const page = readPage(source);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(source, page);
    return page;
}
