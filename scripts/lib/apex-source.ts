/**
 * A small model of the project's Apex source, read with Salesforce's Apex grammar
 * (@apexdevtools/apex-parser): classes and their methods (for the LWC ↔ Apex contract check) and
 * every SOQL/SOSL query with the object and fields it names (for the schema check).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
    ApexErrorListener,
    ApexParserFactory,
    ClassDeclarationContext,
    FieldNameContext,
    FieldSpecContext,
    FromNameListContext,
    LiteralContext,
    MethodDeclarationContext,
    ModifierContext,
    QueryContext,
    SoslLiteralContext,
    SoslIdContext,
    SubQueryContext,
    TypeOfContext,
    WhereClauseContext,
    type ApexParserRuleContext
} from '@apexdevtools/apex-parser';

export interface ApexMethod {
    name: string;
    modifiers: string[];
    annotations: string[];
    params: string[];
    line: number;
    /** Source text of the method, declaration to closing brace. */
    body: string;
}

export interface ApexClass {
    name: string;
    file: string;
    isTest: boolean;
    annotations: string[];
    methods: ApexMethod[];
    /** Source text, for cheap textual checks (assertions in tests). */
    source: string;
}

/** A query and the schema names it uses: `fields` are paths relative to `object` (`Account.Name`). */
export interface ApexQuery {
    file: string;
    line: number;
    object: string;
    fields: string[];
    /** `inline` for [SELECT ...] / [FIND ...], `string` for a dynamic SOQL string literal. */
    kind: 'inline' | 'string';
}

export interface ParsedApex {
    classes: ApexClass[];
    queries: ApexQuery[];
    syntaxErrors: string[];
}

/** Collects the parser's syntax errors of one file as `file:line:column message`. */
export class CollectingErrorListener extends ApexErrorListener {
    readonly errors: string[] = [];
    private readonly file: string;
    constructor(file: string) {
        super();
        this.file = file;
    }
    apexSyntaxError(line: number, column: number, message: string): void {
        this.errors.push(`${this.file}:${line}:${column} ${message}`);
    }
}

function children(node: ApexParserRuleContext): ApexParserRuleContext[] {
    const out: ApexParserRuleContext[] = [];
    for (let i = 0; i < node.getChildCount(); i += 1) {
        const child = node.getChild(i);
        if (child && 'getChildCount' in child && (child as ApexParserRuleContext).start !== undefined) {
            out.push(child as ApexParserRuleContext);
        }
    }
    return out;
}

function descendants<T>(
    node: ApexParserRuleContext,
    type: abstract new (...args: never[]) => T,
    stopAt: Array<abstract new (...args: never[]) => unknown> = []
): T[] {
    const found: T[] = [];
    // Nodes of a `stopAt` type are collected when they match but their subtrees are not searched.
    const walk = (current: ApexParserRuleContext): void => {
        for (const child of children(current)) {
            if (child instanceof type) found.push(child as T);
            if (stopAt.some((stop) => child instanceof stop)) continue;
            walk(child);
        }
    };
    walk(node);
    return found;
}

function modifiersOf(list: ModifierContext[]): { modifiers: string[]; annotations: string[] } {
    const modifiers: string[] = [];
    const annotations: string[] = [];
    for (const modifier of list) {
        const annotation = modifier.annotation();
        if (annotation) annotations.push(annotation.getText().replace(/^@/, '').split('(')[0].toLowerCase());
        else modifiers.push(modifier.getText().toLowerCase());
    }
    return { modifiers, annotations };
}

/** Modifiers sit on the enclosing classBodyDeclaration / typeDeclaration, the parent of the parent. */
function ownModifiers(node: ApexParserRuleContext): { modifiers: string[]; annotations: string[] } {
    let holder: ApexParserRuleContext | null = node.parentCtx as ApexParserRuleContext | null;
    for (let depth = 0; holder && depth < 2; depth += 1) {
        const maybe = holder as unknown as { modifier_list?: () => ModifierContext[] };
        if (typeof maybe.modifier_list === 'function') return modifiersOf(maybe.modifier_list());
        holder = holder.parentCtx as ApexParserRuleContext | null;
    }
    return { modifiers: [], annotations: [] };
}

function fieldPath(ctx: FieldNameContext): string[] {
    return ctx.soqlId_list().map((id) => id.getText());
}

/**
 * Object and field paths of one SOQL query. Nested queries are their own scope: a semi-join in WHERE
 * names an object; a parent-child sub-query in the select list names a relationship, which is skipped,
 * and so is TYPEOF.
 */
function queryShape(query: QueryContext | SubQueryContext): { object: string; fields: string[] } | null {
    const from = query.fromNameList();
    const objectName = from?.fieldName(0);
    if (!objectName) return null;
    const object = fieldPath(objectName).join('.');
    const alias = from.soqlId(0)?.getText().toLowerCase();
    const fields = new Set<string>();
    for (const field of descendants(query, FieldNameContext, [
        QueryContext,
        SubQueryContext,
        TypeOfContext,
        FromNameListContext
    ])) {
        let parts = fieldPath(field);
        if (parts.length > 1 && (parts[0].toLowerCase() === alias || parts[0].toLowerCase() === object.toLowerCase())) {
            parts = parts.slice(1);
        }
        fields.add(parts.join('.'));
    }
    return { object, fields: [...fields] };
}

/** True for a semi-join (`Id IN (SELECT ... FROM Obj)`): a sub-query whose scope is an object. */
function isSemiJoin(sub: SubQueryContext): boolean {
    for (let node = sub.parentCtx; node; node = node.parentCtx) {
        if (node instanceof WhereClauseContext) return true;
        if (node instanceof QueryContext || node instanceof SubQueryContext) return false;
    }
    return false;
}

/** Every query scope under `node` that names an object in FROM. */
function queryScopes(node: ApexParserRuleContext): Array<QueryContext | SubQueryContext> {
    return [...descendants(node, QueryContext), ...descendants(node, SubQueryContext).filter(isSemiJoin)];
}

function soslShapes(sosl: SoslLiteralContext): Array<{ object: string; fields: string[] }> {
    return descendants(sosl, FieldSpecContext).map((spec) => {
        const object = spec.soslId(0).getText();
        const fieldList = spec.fieldList();
        const listed = fieldList
            ? descendants(fieldList, SoslIdContext, [SoslIdContext]).map((id) => id.getText())
            : [];
        const filtered = descendants(spec, FieldNameContext).map((f) => fieldPath(f).join('.'));
        return { object, fields: [...new Set([...listed, ...filtered])] };
    });
}

/** The text of an Apex string literal, or null when the literal is not a string. */
function stringValue(literal: LiteralContext): string | null {
    const text = literal.getText();
    if (!text.startsWith("'")) return null;
    return text.slice(1, -1).replace(/\\'/g, "'");
}

/** Parses a dynamic SOQL string the way the platform would, or returns null when it is not one whole query. */
function parseSoqlString(soql: string): QueryContext | null {
    if (!/^\s*SELECT\s[\s\S]+\sFROM\s/i.test(soql)) return null;
    const listener = new CollectingErrorListener('soql');
    const lexer = ApexParserFactory.createLexer(soql);
    lexer.removeErrorListeners();
    const parser = ApexParserFactory.createParser(ApexParserFactory.createTokenStream(lexer));
    parser.removeErrorListeners();
    parser.addErrorListener(listener);
    const query = parser.query();
    return listener.errors.length ? null : query;
}

/** Parses one Apex file into classes and queries. */
export function parseApexFile(file: string): ParsedApex {
    const source = readFileSync(file, 'utf8');
    const listener = new CollectingErrorListener(file);
    const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
    const unit = file.endsWith('.trigger') ? parser.triggerUnit() : parser.compilationUnit();
    const classes: ApexClass[] = [];
    for (const decl of [unit as ApexParserRuleContext, ...descendants(unit, ClassDeclarationContext)].filter(
        (node): node is ClassDeclarationContext => node instanceof ClassDeclarationContext
    )) {
        const { annotations } = ownModifiers(decl);
        const methods = descendants(decl, MethodDeclarationContext, [ClassDeclarationContext]).map((method) => {
            const own = ownModifiers(method);
            const params =
                method
                    .formalParameters()
                    .formalParameterList()
                    ?.formalParameter_list()
                    .map((p) => p.id().getText()) ?? [];
            const body = source.slice(method.start.start, (method.stop?.stop ?? method.start.stop) + 1);
            return { name: method.id().getText(), ...own, params, line: method.start.line, body };
        });
        const isTopLevel =
            !(decl.parentCtx?.parentCtx instanceof ClassDeclarationContext) &&
            path.basename(file, '.cls') === decl.id().getText();
        classes.push({
            name: isTopLevel ? decl.id().getText() : `${path.basename(file, '.cls')}.${decl.id().getText()}`,
            file,
            isTest: annotations.includes('istest'),
            annotations,
            methods,
            source
        });
    }
    const queries: ApexQuery[] = [];
    for (const query of queryScopes(unit)) {
        const shape = queryShape(query);
        if (shape) queries.push({ file, line: query.start.line, kind: 'inline', ...shape });
    }
    for (const sosl of descendants(unit, SoslLiteralContext)) {
        for (const shape of soslShapes(sosl)) queries.push({ file, line: sosl.start.line, kind: 'inline', ...shape });
    }
    for (const literal of descendants(unit, LiteralContext)) {
        const value = stringValue(literal);
        const parsed = value === null ? null : parseSoqlString(value);
        if (!parsed) continue;
        for (const query of [parsed, ...queryScopes(parsed)]) {
            const shape = queryShape(query);
            if (shape) queries.push({ file, line: literal.start.line, kind: 'string', ...shape });
        }
    }
    return { classes, queries, syntaxErrors: listener.errors };
}

/** Parses every file and merges the results. */
export function parseApexFiles(files: string[]): ParsedApex {
    const merged: ParsedApex = { classes: [], queries: [], syntaxErrors: [] };
    for (const file of files) {
        const parsed = parseApexFile(file);
        merged.classes.push(...parsed.classes);
        merged.queries.push(...parsed.queries);
        merged.syntaxErrors.push(...parsed.syntaxErrors);
    }
    return merged;
}
