import { ApexParserFactory } from '@apexdevtools/apex-parser';
import type {
    FieldListContext,
    FieldSpecContext,
    FieldSpecListContext,
    SoslClausesContext,
    SoslIdContext
} from '@apexdevtools/apex-parser';
import { cachedTree } from '../../syntax/parse-cache.ts';
import { ApexRuntimeSignal } from '../../values/signal.ts';
import type { FieldPath } from '../soql/ast.ts';
import { Reader } from '../soql/parse.ts';
import type { ReturningSpec, SearchGroup, SoslQuery } from './ast.ts';
import { ApexErrorListener } from '@apexdevtools/apex-parser';

const cache = new Map<string, SoslQuery>();

class ThrowingListener extends ApexErrorListener {
    apexSyntaxError(line: number, column: number, msg: string): void {
        throw new ApexRuntimeSignal('System.SearchException', `line ${line}:${column} ${msg}`);
    }
}

/**
 * Reads SOSL text (an inline search's text between `[` `]`, or a `Search.query` string) with
 * apex-parser's grammar, cached by text (in memory and on disk). A syntax error is a `System.SearchException`; a clause the
 * runtime does not run is an `UnsupportedApexError`.
 */
export function parseSosl(text: string): SoslQuery {
    const hit = cache.get(text);
    if (hit) return hit;
    // The SOQL reader's folder keys the entries too: this reader uses its Reader.
    const folders = [import.meta.url, new URL('../soql/parse.ts', import.meta.url).href];
    const query = cachedTree('sosl', folders, text, () => readSosl(text));
    cache.set(text, query);
    return query;
}

function readSosl(text: string): SoslQuery {
    const wrapped = `[${text}]`;
    const { parser } = ApexParserFactory.createLexerAndParser(wrapped, new ThrowingListener());
    const braces = /^\s*find\s*\{/i.test(text);
    const reader = new Reader(wrapped);
    let find: SoslQuery['find'];
    let clauses: SoslClausesContext;
    if (braces) {
        const ctx = parser.soslLiteralAlt();
        const literal = ctx.FindLiteralAlt().getText();
        find = literal.slice(literal.indexOf('{') + 1, -1);
        clauses = ctx.soslClauses();
    } else {
        const ctx = parser.soslLiteral();
        if (ctx.boundExpression()) find = reader.bind(ctx.boundExpression());
        else {
            const literal = ctx.FindLiteral().getText();
            find = literal.slice(literal.indexOf("'") + 1, -1);
        }
        clauses = ctx.soslClauses();
    }
    const query: SoslQuery = { text, find, group: 'ALL' };
    if (clauses.searchGroup()) query.group = clauses.searchGroup().getChild(0).getText().toUpperCase() as SearchGroup;
    if (clauses.fieldSpecList()) query.returning = specs(clauses.fieldSpecList(), reader);
    for (const w of clauses.soslWithClause_list()) {
        if (w.USER_MODE()) query.withMode = 'user';
        else if (w.SYSTEM_MODE()) query.withMode = 'system';
        else reader.refuse(`SOSL ${w.getText()}`, w);
    }
    if (clauses.limitClause()) query.limit = reader.limit(clauses.limitClause());
    if (clauses.UPDATE()) reader.refuse('SOSL UPDATE TRACKING/VIEWSTAT', clauses);
    return query;
}

function specs(list: FieldSpecListContext, reader: Reader): ReturningSpec[] {
    const out = [spec(list.fieldSpec(), reader)];
    for (const rest of list.fieldSpecList_list()) out.push(...specs(rest, reader));
    return out;
}

function idPath(id: SoslIdContext): FieldPath {
    return id.getText().split('.');
}

function fieldPaths(list: FieldListContext, reader: Reader): FieldPath[] {
    if (list.TOLABEL() || list.CONVERT_CURRENCY() || list.FORMAT())
        reader.refuse('SOSL toLabel()/convertCurrency()/FORMAT()', list);
    const out = list.soslId_list().map(idPath);
    for (const rest of list.fieldList_list()) out.push(...fieldPaths(rest, reader));
    return out;
}

function spec(ctx: FieldSpecContext, reader: Reader): ReturningSpec {
    const object = ctx.soslId(0).getText();
    const s: ReturningSpec = {
        object,
        fields: ctx.fieldList() ? fieldPaths(ctx.fieldList(), reader) : [],
        orderBy: []
    };
    if (ctx.USING()) reader.refuse('SOSL USING LISTVIEW', ctx);
    if (ctx.logicalExpression()) s.where = reader.logical(ctx.logicalExpression());
    if (ctx.fieldOrderList()) s.orderBy = reader.orderBy(ctx.fieldOrderList());
    if (ctx.limitClause()) s.limit = reader.limit(ctx.limitClause());
    if (ctx.offsetClause()) s.offset = reader.offset(ctx.offsetClause());
    return s;
}
