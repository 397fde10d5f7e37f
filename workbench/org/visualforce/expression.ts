/**
 * Visualforce formula expressions, what a page writes between `{!` and `}`: the subset the package's pages use,
 * compiled once when the page is parsed so that a page using anything else fails at once, naming it.
 *
 * Visualforce pages use the formula language ("Visualforce pages use the same expression language as formulas",
 * Visualforce Developer Guide › Global Variables, Functions, and Expression Operators,
 * https://developer.salesforce.com/docs/platform/salesforce-pages-developers-guide/guide/pages-variables.html).
 * Supported: controller properties (`finished`), `$Label.Name`, `$User.Field`, string literals, numbers,
 * `true`/`false`, and the functions NOT, AND, OR, ISBLANK and LEFT (Visualforce Developer Guide › Functions,
 * https://developer.salesforce.com/docs/atlas.en-us.pages.meta/pages/pages_variables_functions.htm; Formula
 * Operators and Functions, https://developer.salesforce.com/docs/atlas.en-us.usefulFormulaFields.meta/usefulFormulaFields/customize_functions.htm).
 * No operator (`&&`, `=`, `&`...) and no other function or global variable: each throws.
 */

/** A value an expression yields: what an Apex property or a global variable holds, as the page sees it. */
export type MergeValue = string | number | boolean | null;

/** What an expression reads while a page renders. */
export interface PageContext {
    /** A controller property (or getter) as a merge field names it: `finished`, `message`. */
    controller(name: string): MergeValue;
    /** `$Label.Name` in the user's language. */
    label(name: string): string;
    /** `$User.Field` (`LanguageLocaleKey`, `FirstName`...). */
    user(field: string): MergeValue;
}

type Node =
    | { readonly kind: 'literal'; readonly value: MergeValue }
    | { readonly kind: 'controller'; readonly name: string }
    | { readonly kind: 'label'; readonly name: string }
    | { readonly kind: 'user'; readonly field: string }
    | { readonly kind: 'call'; readonly fn: FunctionName; readonly args: readonly Node[] };

/** A compiled `{!...}` expression. */
export interface Expression {
    /** The expression as the page writes it, without `{!` and `}` (for messages). */
    readonly source: string;
    readonly root: Node;
}

type FunctionName = 'NOT' | 'AND' | 'OR' | 'ISBLANK' | 'LEFT';

/** Argument counts: [min, max]. */
const FUNCTIONS: Record<FunctionName, readonly [number, number]> = {
    NOT: [1, 1],
    AND: [1, Infinity],
    OR: [1, Infinity],
    ISBLANK: [1, 1],
    LEFT: [2, 2]
};

type Token =
    | { kind: 'name'; text: string }
    | { kind: 'string'; value: string }
    | { kind: 'number'; value: number }
    | { kind: '(' | ')' | ',' };

const NAME = /^\$?[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/;
const NUMBER = /^\d+(?:\.\d+)?/;
const OPERATOR = /^(?:&&|\|\||==|!=|<>|<=|>=|[&|=<>!+\-*/^])/;

function fail(source: string, problem: string): never {
    throw new Error(`Visualforce expression {!${source}}: ${problem}`);
}

function readString(source: string, start: number): { value: string; end: number } {
    const quote = source[start];
    let value = '';
    for (let i = start + 1; i < source.length; i++) {
        const c = source[i];
        if (c === quote) return { value, end: i + 1 };
        if (c === '\\') {
            const next = source[i + 1];
            if (next !== '\\' && next !== '"' && next !== "'")
                fail(source, `unsupported escape \\${next ?? ''} in a string literal`);
            value += next;
            i++;
        } else {
            value += c;
        }
    }
    return fail(source, 'a string literal is not closed');
}

function tokenize(source: string): Token[] {
    const tokens: Token[] = [];
    let i = 0;
    while (i < source.length) {
        const rest = source.slice(i);
        const c = source[i];
        if (/\s/.test(c)) {
            i++;
        } else if (c === '(' || c === ')' || c === ',') {
            tokens.push({ kind: c });
            i++;
        } else if (c === '"' || c === "'") {
            const read = readString(source, i);
            tokens.push({ kind: 'string', value: read.value });
            i = read.end;
        } else if (NUMBER.test(rest)) {
            const text = NUMBER.exec(rest)![0];
            tokens.push({ kind: 'number', value: Number(text) });
            i += text.length;
        } else if (NAME.test(rest)) {
            const text = NAME.exec(rest)![0];
            tokens.push({ kind: 'name', text });
            i += text.length;
        } else if (OPERATOR.test(rest)) {
            fail(source, `the operator ${OPERATOR.exec(rest)![0]} is not supported`);
        } else {
            fail(source, `unexpected character ${JSON.stringify(c)}`);
        }
    }
    return tokens;
}

// A name that is not a function call: a global variable, a Boolean literal or a controller property.
function reference(source: string, text: string): Node {
    const parts = text.split('.');
    if (text.startsWith('$')) {
        // Global variables are case-insensitive in merge fields, as `$Label` and `$label` both are.
        const global = parts[0].toLowerCase();
        if (global !== '$label' && global !== '$user') fail(source, `the global variable ${parts[0]} is not supported`);
        if (parts.length !== 2) fail(source, `${text} must name one ${parts[0]} field`);
        return global === '$label' ? { kind: 'label', name: parts[1] } : { kind: 'user', field: parts[1] };
    }
    if (parts.length > 1) fail(source, `the dotted reference ${text} is not supported (only controller properties)`);
    const lower = text.toLowerCase();
    if (lower === 'true' || lower === 'false') return { kind: 'literal', value: lower === 'true' };
    return { kind: 'controller', name: text };
}

class Parser {
    private position = 0;
    private readonly source: string;
    private readonly tokens: Token[];

    constructor(source: string, tokens: Token[]) {
        this.source = source;
        this.tokens = tokens;
    }

    parse(): Node {
        if (this.tokens.length === 0) fail(this.source, 'the expression is empty');
        const node = this.expression();
        if (this.position < this.tokens.length) fail(this.source, 'unexpected text after the expression');
        return node;
    }

    private next(): Token | undefined {
        return this.tokens[this.position++];
    }

    private peek(): Token | undefined {
        return this.tokens[this.position];
    }

    private expression(): Node {
        const token = this.next();
        if (!token) return fail(this.source, 'the expression ends too early');
        switch (token.kind) {
            case 'string':
            case 'number':
                return { kind: 'literal', value: token.value };
            case '(': {
                const inner = this.expression();
                if (this.next()?.kind !== ')') fail(this.source, 'a parenthesis is not closed');
                return inner;
            }
            case 'name':
                return this.peek()?.kind === '(' ? this.call(token.text) : reference(this.source, token.text);
            default:
                return fail(this.source, `unexpected ${token.kind}`);
        }
    }

    private call(name: string): Node {
        // Function names are case-insensitive in formulas, as Salesforce's are (`not(...)` is NOT).
        const fn = name.toUpperCase();
        if (!Object.hasOwn(FUNCTIONS, fn) || name.includes('.') || name.startsWith('$'))
            fail(this.source, `the function ${name} is not supported`);
        this.next();
        const args: Node[] = [];
        if (this.peek()?.kind !== ')') {
            for (;;) {
                args.push(this.expression());
                const separator = this.next();
                if (separator?.kind === ')') break;
                if (separator?.kind !== ',') fail(this.source, `${fn}( is not closed`);
            }
        } else {
            this.next();
        }
        const [min, max] = FUNCTIONS[fn as FunctionName];
        if (args.length < min || args.length > max)
            fail(this.source, `${fn} takes ${min === max ? min : `at least ${min}`} argument(s), not ${args.length}`);
        return { kind: 'call', fn: fn as FunctionName, args };
    }
}

/**
 * Compiles the text between `{!` and `}`; throws, naming it, on any function, operator or global variable
 * outside the supported subset.
 */
export function compileExpression(source: string): Expression {
    return { source, root: new Parser(source, tokenize(source)).parse() };
}

function booleanArgument(expression: Expression, fn: string, value: MergeValue, index: number): boolean {
    if (typeof value !== 'boolean')
        fail(expression.source, `${fn}: argument ${index + 1} is ${JSON.stringify(value)}, not a Boolean`);
    return value;
}

function call(expression: Expression, fn: FunctionName, args: readonly MergeValue[]): MergeValue {
    switch (fn) {
        case 'NOT':
            return !booleanArgument(expression, fn, args[0], 0);
        case 'AND':
            return args.map((value, i) => booleanArgument(expression, fn, value, i)).every(Boolean);
        case 'OR':
            return args.map((value, i) => booleanArgument(expression, fn, value, i)).some(Boolean);
        case 'ISBLANK':
            // "Determines if an expression has a value" (Visualforce Developer Guide › Functions › ISBLANK): blank is
            // no value or empty text. A space or a zero is a value, as Salesforce Help's ISBLANK tips say ("A field is
            // not empty if it contains a character, blank space, or zero", quoted by
            // https://www.simplysfdc.com/2013/08/salesforce-isblank-or-isnull.html; Help's page was not at hand).
            return args[0] === null || args[0] === '';
        case 'LEFT': {
            const [text, count] = args;
            if (typeof count !== 'number' || !Number.isInteger(count) || count < 0)
                fail(expression.source, `LEFT: the number of characters ${JSON.stringify(count)} is not supported`);
            if (text === null) return null;
            if (typeof text !== 'string') fail(expression.source, `LEFT: ${JSON.stringify(text)} is not text`);
            return text.slice(0, count);
        }
    }
}

function evaluateNode(expression: Expression, node: Node, ctx: PageContext): MergeValue {
    switch (node.kind) {
        case 'literal':
            return node.value;
        case 'controller':
            return ctx.controller(node.name);
        case 'label':
            return ctx.label(node.name);
        case 'user':
            return ctx.user(node.field);
        case 'call':
            return call(
                expression,
                node.fn,
                node.args.map((arg) => evaluateNode(expression, arg, ctx))
            );
    }
}

/** Evaluates a compiled expression against the page's controller and user. */
export function evaluate(expression: Expression, ctx: PageContext): MergeValue {
    return evaluateNode(expression, expression.root, ctx);
}

/** Evaluates an expression that must yield a Boolean (a `rendered` attribute); throws when it does not. */
export function evaluateBoolean(expression: Expression, ctx: PageContext, where: string): boolean {
    const value = evaluate(expression, ctx);
    if (typeof value !== 'boolean')
        throw new Error(`Visualforce ${where}="{!${expression.source}}" is ${JSON.stringify(value)}, not a Boolean`);
    return value;
}

/** A merge value as page text: null is nothing, a Boolean `true`/`false`. */
export function mergeText(value: MergeValue): string {
    return value === null ? '' : String(value);
}
