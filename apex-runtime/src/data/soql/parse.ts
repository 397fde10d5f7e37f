import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import type {
    BoundExpressionContext,
    ConditionalExpressionContext,
    FieldExpressionContext,
    FieldNameContext,
    FieldOrderListContext,
    LimitClauseContext,
    LogicalExpressionContext,
    OffsetClauseContext,
    QueryContext,
    SoqlFunctionContext,
    SubQueryContext,
    ValueContext,
    WhereConditionalExpressionContext,
    WhereLogicalExpressionContext,
    ComparisonOperatorContext,
    SelectEntryContext,
    SubFieldEntryContext,
    ApexParserRuleContext
} from '@apexdevtools/apex-parser';
import { UnsupportedApexError } from '../../errors.ts';
import { cachedTree } from '../../syntax/parse-cache.ts';
import { ApexRuntimeSignal } from '../../values/signal.ts';
import type {
    AggregateFn,
    ComparisonOp,
    Condition,
    FieldPath,
    OrderItem,
    SelectItem,
    SoqlBind,
    SoqlQuery,
    SoqlValue
} from './ast.ts';
import { unescapeSoqlString } from './strings.ts';

const cache = new Map<string, SoqlQuery>();

/**
 * Reads SOQL text (an inline query's text between `[` `]`, or a dynamic SOQL string) into a
 * {@link SoqlQuery}, with apex-parser's grammar. Parsed queries are cached by text (a query in a
 * loop is parsed once, and on disk across runs). A syntax error throws `System.QueryException` (dynamic SOQL reports its
 * errors at run time: Apex Developer Guide › Dynamic SOQL); a construct the runtime does not run
 * throws {@link UnsupportedApexError}.
 */
export function parseSoql(text: string): SoqlQuery {
    const hit = cache.get(text);
    if (hit) return hit;
    // On disk too: apex-parser takes most of a package run's time reading its queries.
    const query = cachedTree('soql', [import.meta.url], text, () => readSoql(text));
    cache.set(text, query);
    return query;
}

function readSoql(text: string): SoqlQuery {
    const source = protectLikeEscapes(text);
    const { parser } = ApexParserFactory.createLexerAndParser(source, new ThrowingListener());
    const ctx: QueryContext = parser.query();
    if (parser.getCurrentToken().type !== -1) throw syntaxError(`unexpected token: '${parser.getCurrentToken().text}'`);
    const query = new Reader(source).query(ctx);
    query.text = text;
    return query;
}

/**
 * SOQL's LIKE escapes `\%` and `\_` (Quoted String Escape Sequences) are not Apex string escapes,
 * so apex-parser's lexer rejects them: inside string literals they become `\uE025` / `\uE05F`
 * (private-use characters) that the LIKE matcher reads as a literal `%` / `_`.
 */
export function protectLikeEscapes(text: string): string {
    if (!text.includes('\\%') && !text.includes('\\_')) return text;
    let out = '';
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (!inString) {
            if (c === "'") inString = true;
            out += c;
            continue;
        }
        if (c === '\\' && i + 1 < text.length) {
            const next = text[i + 1];
            out += next === '%' ? '\\uE025' : next === '_' ? '\\uE05F' : c + next;
            i++;
            continue;
        }
        if (c === "'") inString = false;
        out += c;
    }
    return out;
}

function syntaxError(message: string): ApexRuntimeSignal {
    return new ApexRuntimeSignal('System.QueryException', message);
}

/** Stops at the first syntax error with the parser's message (the text orgs print differs; the type is the same). */
export class ThrowingListener extends ApexErrorListener {
    apexSyntaxError(line: number, column: number, msg: string): void {
        throw syntaxError(`line ${line}:${column} ${msg}`);
    }
}

/** Converts apex-parser's SOQL rules; `text` is the source the token offsets point into. */
export class Reader {
    private readonly text: string;

    constructor(text: string) {
        this.text = text;
    }

    query(ctx: QueryContext): SoqlQuery {
        if (ctx.usingScope()) this.refuse('USING SCOPE', ctx.usingScope());
        const from = this.from(ctx.fromNameList().fieldName_list(), ctx.fromNameList().soqlId_list());
        const select = ctx
            .selectList()
            .selectEntry_list()
            .map((e) => this.selectEntry(e));
        const withMode = ctx.withClause() ? this.withMode(ctx.withClause()) : undefined;
        const group = ctx.groupByClause();
        let groupBy: FieldPath[] = [];
        let having: Condition | undefined;
        if (group) {
            if (group.ROLLUP() || group.CUBE()) this.refuse('GROUP BY ROLLUP/CUBE', group);
            groupBy = group
                .fieldGroupByList()
                .fieldGroupBy_list()
                .map((g) => {
                    if (g.soqlFunction()) this.refuse('GROUP BY a function', g);
                    return this.path(g.fieldName());
                });
            if (group.logicalExpression()) having = this.logical(group.logicalExpression());
        }
        const query: SoqlQuery = {
            text: this.text,
            select,
            from: from.name,
            groupBy,
            orderBy: ctx.orderByClause() ? this.orderBy(ctx.orderByClause().fieldOrderList()) : [],
            allRows: !!ctx.allRowsClause(),
            forUpdate: this.forClauses(ctx),
            isCountOnly:
                select.length === 1 &&
                select[0].kind === 'aggregate' &&
                select[0].fn === 'COUNT' &&
                !select[0].path &&
                !select[0].alias
        };
        if (from.alias) query.fromAlias = from.alias;
        if (ctx.whereClause()) query.where = this.whereLogical(ctx.whereClause().whereLogicalExpression());
        if (withMode) query.withMode = withMode;
        if (having) query.having = having;
        if (ctx.limitClause()) query.limit = this.limit(ctx.limitClause());
        if (ctx.offsetClause()) query.offset = this.offset(ctx.offsetClause());
        if (ctx.UPDATE()) this.refuse('UPDATE TRACKING/VIEWSTAT', ctx);
        return query;
    }

    private subQuery(ctx: SubQueryContext): SoqlQuery {
        const from = this.from(ctx.fromNameList().fieldName_list(), ctx.fromNameList().soqlId_list());
        const query: SoqlQuery = {
            text: this.source(ctx),
            select: ctx
                .subFieldList()
                .subFieldEntry_list()
                .map((e) => this.selectEntry(e)),
            from: from.name,
            groupBy: [],
            orderBy: ctx.orderByClause() ? this.orderBy(ctx.orderByClause().fieldOrderList()) : [],
            allRows: false,
            forUpdate: false,
            isCountOnly: false
        };
        if (from.alias) query.fromAlias = from.alias;
        if (ctx.whereClause()) query.where = this.whereLogical(ctx.whereClause().whereLogicalExpression());
        if (ctx.limitClause()) query.limit = this.limit(ctx.limitClause());
        if (ctx.forClauses().FOR_list().length > 0) this.refuse('FOR clause in a sub-query', ctx);
        if (ctx.UPDATE()) this.refuse('UPDATE TRACKING/VIEWSTAT', ctx);
        return query;
    }

    private from(names: FieldNameContext[], aliases: { getText(): string }[]): { name: string; alias?: string } {
        if (names.length !== 1) this.refuse('FROM with several objects', names[1] ?? names[0]);
        const path = this.path(names[0]);
        if (path.length !== 1) this.refuse('FROM a relationship path', names[0]);
        return aliases.length > 0 ? { name: path[0], alias: aliases[0].getText() } : { name: path[0] };
    }

    private selectEntry(e: SelectEntryContext | SubFieldEntryContext): SelectItem {
        if (e.typeOf()) this.refuse('TYPEOF', e);
        const alias = e.soqlId() ? e.soqlId().getText() : undefined;
        if (e.subQuery()) return { kind: 'subquery', query: this.subQuery(e.subQuery()) };
        if (e.soqlFunction()) {
            const agg = this.aggregate(e.soqlFunction());
            return alias ? { ...agg, alias } : agg;
        }
        const path = this.path(e.fieldName());
        // An alias on a plain field is only allowed with GROUP BY; SOQL rejects it otherwise at compile time.
        return alias ? { kind: 'field', path, alias } : { kind: 'field', path };
    }

    private aggregate(f: SoqlFunctionContext): { kind: 'aggregate'; fn: AggregateFn; path?: FieldPath } {
        const name = f.getChild(0).getText().toUpperCase();
        const fns: Record<string, AggregateFn> = {
            COUNT: 'COUNT',
            COUNT_DISTINCT: 'COUNT_DISTINCT',
            SUM: 'SUM',
            AVG: 'AVG',
            MIN: 'MIN',
            MAX: 'MAX'
        };
        const fn = fns[name];
        if (!fn) this.refuse(`${name}() in SELECT`, f);
        const field = f.fieldName();
        return field ? { kind: 'aggregate', fn, path: this.path(field) } : { kind: 'aggregate', fn };
    }

    path(ctx: FieldNameContext): FieldPath {
        return ctx.soqlId_list().map((id) => id.getText());
    }

    private withMode(ctx: NonNullable<ReturnType<QueryContext['withClause']>>): SoqlQuery['withMode'] {
        if (ctx.USER_MODE()) return 'user';
        if (ctx.SYSTEM_MODE()) return 'system';
        if (ctx.SECURITY_ENFORCED()) return 'securityEnforced';
        return this.refuse('this WITH clause', ctx);
    }

    private forClauses(ctx: QueryContext): boolean {
        const clauses = ctx.forClauses();
        if (clauses.VIEW_list().length > 0 || clauses.REFERENCE_list().length > 0)
            this.refuse('FOR VIEW/FOR REFERENCE', clauses);
        return clauses.UPDATE_list().length > 0;
    }

    orderBy(list: FieldOrderListContext): OrderItem[] {
        return list.fieldOrder_list().map((o) => {
            const target = o.soqlFunction()
                ? this.aggregate(o.soqlFunction())
                : { kind: 'field' as const, path: this.path(o.fieldName()) };
            return { target, descending: !!o.DESC(), nullsLast: !!o.LAST() };
        });
    }

    limit(ctx: LimitClauseContext): number | SoqlBind {
        return ctx.boundExpression() ? this.bind(ctx.boundExpression()) : Number(ctx.IntegerLiteral().getText());
    }

    offset(ctx: OffsetClauseContext): number | SoqlBind {
        return ctx.boundExpression() ? this.bind(ctx.boundExpression()) : Number(ctx.IntegerLiteral().getText());
    }

    private whereLogical(ctx: WhereLogicalExpressionContext): Condition {
        const items = ctx.whereConditionalExpression_list().map((c) => this.whereConditional(c));
        if (ctx.NOT()) return { kind: 'not', item: items[0] };
        if (items.length === 1) return items[0];
        return { kind: ctx.SOQLAND_list().length > 0 ? 'and' : 'or', items };
    }

    private whereConditional(ctx: WhereConditionalExpressionContext): Condition {
        if (ctx.whereLogicalExpression()) return this.whereLogical(ctx.whereLogicalExpression());
        const field = ctx.whereFieldExpression();
        if (field.FORMULA()) this.refuse('FORMULA() in WHERE', field);
        return this.fieldExpression(field.fieldExpression());
    }

    logical(ctx: LogicalExpressionContext): Condition {
        const items = ctx.conditionalExpression_list().map((c) => this.conditional(c));
        if (ctx.NOT()) return { kind: 'not', item: items[0] };
        if (items.length === 1) return items[0];
        return { kind: ctx.SOQLAND_list().length > 0 ? 'and' : 'or', items };
    }

    private conditional(ctx: ConditionalExpressionContext): Condition {
        if (ctx.logicalExpression()) return this.logical(ctx.logicalExpression());
        return this.fieldExpression(ctx.fieldExpression());
    }

    private fieldExpression(ctx: FieldExpressionContext): Condition {
        const left = ctx.soqlFunction()
            ? this.aggregate(ctx.soqlFunction())
            : { kind: 'field' as const, path: this.path(ctx.fieldName()) };
        return { kind: 'compare', left, op: this.operator(ctx.comparisonOperator()), value: this.value(ctx.value()) };
    }

    private operator(ctx: ComparisonOperatorContext): ComparisonOp {
        const text = ctx.getText().toUpperCase().replace(/\s+/g, '');
        const ops: Record<string, ComparisonOp> = {
            '=': '=',
            '!=': '!=',
            '<>': '!=',
            '<': '<',
            '<=': '<=',
            '>': '>',
            '>=': '>=',
            LIKE: 'LIKE',
            IN: 'IN',
            NOTIN: 'NOT IN',
            INCLUDES: 'INCLUDES',
            EXCLUDES: 'EXCLUDES'
        };
        const op = ops[text];
        if (!op) this.refuse(`operator ${ctx.getText()}`, ctx);
        return op;
    }

    /** A WHERE/HAVING value; also used by SOSL's RETURNING filters. */
    value(ctx: ValueContext): SoqlValue {
        if (ctx.NULL()) return { kind: 'null' };
        if (ctx.BooleanLiteral())
            return { kind: 'boolean', value: ctx.BooleanLiteral().getText().toLowerCase() === 'true' };
        if (ctx.signedNumber()) return { kind: 'number', text: ctx.signedNumber().getText() };
        const str = ctx.StringLiteral() ?? ctx.MultilineStringLiteral();
        if (str) {
            const raw = str.getText().slice(1, -1);
            return { kind: 'string', value: unescapeSoqlString(raw), raw };
        }
        if (ctx.DateLiteral()) return { kind: 'date', text: ctx.DateLiteral().getText() };
        if (ctx.DateTimeLiteral()) return { kind: 'datetime', text: ctx.DateTimeLiteral().getText() };
        if (ctx.TimeLiteral()) this.refuse('a time literal', ctx);
        if (ctx.dateFormula()) {
            const f = ctx.dateFormula();
            const name = f.getChild(0).getText().toUpperCase();
            const n = f.signedInteger();
            return n ? { kind: 'dateLiteral', name, n: Number(n.getText()) } : { kind: 'dateLiteral', name };
        }
        if (ctx.IntegralCurrencyLiteral()) this.refuse('a currency literal', ctx);
        if (ctx.subQuery()) return { kind: 'subquery', query: this.subQuery(ctx.subQuery()) };
        if (ctx.valueList())
            return {
                kind: 'list',
                values: ctx
                    .valueList()
                    .value_list()
                    .map((v) => this.value(v))
            };
        if (ctx.boundExpression()) return this.bind(ctx.boundExpression());
        return this.refuse(`value ${ctx.getText()}`, ctx);
    }

    /** `:expr` → its Apex source text, exactly as written (spaces kept). */
    bind(ctx: BoundExpressionContext): SoqlBind {
        const expr = ctx.expression();
        return { kind: 'bind', text: this.source(expr).trim(), line: expr.start.line };
    }

    private source(ctx: ApexParserRuleContext): string {
        const stop = ctx.stop ?? ctx.start;
        return this.text.slice(ctx.start.start, stop.stop + 1);
    }

    refuse(what: string, ctx: ApexParserRuleContext | undefined): never {
        const line = ctx?.start.line;
        throw new UnsupportedApexError(`SOQL ${what}`, line === undefined ? undefined : `query line ${line}`);
    }
}
