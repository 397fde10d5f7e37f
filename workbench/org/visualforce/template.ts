/**
 * Text with merge fields, as a page writes it in element text and attribute values: `Hello {!name}`. The literal
 * parts stay as the page's XML source has them (entities and all); the merge fields are compiled expressions.
 */
import { type Expression, type PageContext, compileExpression, evaluate, mergeText } from './expression.ts';

/** Text with merge fields: literal parts (raw XML source) and compiled expressions, in order. */
export interface Template {
    readonly parts: ReadonlyArray<string | Expression>;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Resolves the XML entities of raw source text (`&amp;`, `&#39;`...): its value as the page means it. */
export function decodeXml(raw: string): string {
    return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (entity, name: string) => {
        if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
        if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
        const value = XML_ENTITIES[name];
        if (value === undefined) throw new Error(`Visualforce page: the entity ${entity} is not an XML entity`);
        return value;
    });
}

// Where the merge field opened at `start` (just after `{!`) closes: the first `}` outside a string literal.
function closingBrace(raw: string, start: number): number {
    let quote: string | null = null;
    for (let i = start; i < raw.length; i++) {
        const c = raw[i];
        if (quote) {
            if (c === '\\') i++;
            else if (c === quote) quote = null;
        } else if (c === '"' || c === "'") {
            quote = c;
        } else if (c === '}') {
            return i;
        }
    }
    throw new Error(`Visualforce page: the merge field ${raw.slice(start - 2, start + 40)}... is not closed`);
}

/**
 * Splits raw source text into literal parts and compiled merge fields. The expression source is XML-decoded
 * first: in the page file `{!a &amp;&amp; b}` means `a && b`.
 */
export function compileTemplate(raw: string): Template {
    const parts: Array<string | Expression> = [];
    let position = 0;
    for (;;) {
        const open = raw.indexOf('{!', position);
        if (open < 0) break;
        if (open > position) parts.push(raw.slice(position, open));
        const close = closingBrace(raw, open + 2);
        parts.push(compileExpression(decodeXml(raw.slice(open + 2, close)).trim()));
        position = close + 1;
    }
    if (position < raw.length) parts.push(raw.slice(position));
    return { parts };
}

/** Whether the text has any merge field. */
export function hasMergeField(template: Template): boolean {
    return template.parts.some((part) => typeof part !== 'string');
}

/** The template if it is exactly one merge field (`{!finished}`), else null. */
export function singleExpression(template: Template): Expression | null {
    const [only, ...rest] = template.parts;
    return rest.length === 0 && only !== undefined && typeof only !== 'string' ? only : null;
}

/** The template's value as text: literal parts decoded, merge fields evaluated (null as nothing). */
export function templateText(template: Template, ctx: PageContext): string {
    return template.parts
        .map((part) => (typeof part === 'string' ? decodeXml(part) : mergeText(evaluate(part, ctx))))
        .join('');
}
