/**
 * The runtime's tree of a SOQL query (SOQL and SOSL Reference › SOQL SELECT Syntax): plain data read
 * from apex-parser's `query()` rule, cached by query text. Names keep the source spelling; the
 * executor resolves them case-insensitively against describe, as SOQL does.
 */

/** `:expr` in a query: an Apex expression the interpreter evaluates (`ctx.resolveBind(text)`). */
export interface SoqlBind {
    kind: 'bind';
    /** The Apex expression source after the colon, e.g. `ids`, `c.AccountId`, `contacts[200].Id`. */
    text: string;
    /** 1-based line of the bind within the query text (the interpreter adds the query's own line). */
    line: number;
}

/** A dotted field reference as written: `Name`, `Account.Owner.Name` → `['Account', 'Owner', 'Name']`. */
export type FieldPath = readonly string[];

export type SoqlValue =
    | { kind: 'null' }
    | { kind: 'boolean'; value: boolean }
    /** A number literal, as its source text (`5`, `-1.25`). */
    | { kind: 'number'; text: string }
    /** `value` has the SOQL escapes resolved; `raw` is the text between the quotes (LIKE reads `\%`, `\_`). */
    | { kind: 'string'; value: string; raw: string }
    /** `2024-01-31`. */
    | { kind: 'date'; text: string }
    /** `2024-01-31T10:00:00Z`, `…+01:00`. */
    | { kind: 'datetime'; text: string }
    /** `TODAY`, `LAST_N_DAYS:7` → name upper case, `n` for the `_N_` forms. */
    | { kind: 'dateLiteral'; name: string; n?: number }
    | { kind: 'list'; values: SoqlValue[] }
    /** Semi-join / anti-join: `Id IN (SELECT AccountId FROM Contact)`. */
    | { kind: 'subquery'; query: SoqlQuery }
    | SoqlBind;

export type AggregateFn = 'COUNT' | 'COUNT_DISTINCT' | 'SUM' | 'AVG' | 'MIN' | 'MAX';

export type SelectItem =
    | { kind: 'field'; path: FieldPath; alias?: string }
    /** `COUNT()` has no path. */
    | { kind: 'aggregate'; fn: AggregateFn; path?: FieldPath; alias?: string }
    | { kind: 'subquery'; query: SoqlQuery };

export type ComparisonOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE' | 'IN' | 'NOT IN' | 'INCLUDES' | 'EXCLUDES';

export type Condition =
    | { kind: 'and'; items: Condition[] }
    | { kind: 'or'; items: Condition[] }
    | { kind: 'not'; item: Condition }
    /** `field op value`; in HAVING the left side may be an aggregate. */
    | {
          kind: 'compare';
          left: { kind: 'field'; path: FieldPath } | { kind: 'aggregate'; fn: AggregateFn; path?: FieldPath };
          op: ComparisonOp;
          value: SoqlValue;
      };

export interface OrderItem {
    target: { kind: 'field'; path: FieldPath } | { kind: 'aggregate'; fn: AggregateFn; path?: FieldPath };
    descending: boolean;
    /** SOQL and SOSL Reference › ORDER BY: "By default, null values are sorted first" (whatever the direction). */
    nullsLast: boolean;
}

export interface SoqlQuery {
    /** The query text as given (cache key, error messages). */
    text: string;
    select: SelectItem[];
    /** The object (or, in a sub-query, the child relationship name) after FROM. */
    from: string;
    /** `FROM Contact c`: the alias, which may prefix field paths. */
    fromAlias?: string;
    where?: Condition;
    /** `WITH USER_MODE` / `WITH SYSTEM_MODE` / `WITH SECURITY_ENFORCED`. */
    withMode?: 'user' | 'system' | 'securityEnforced';
    groupBy: FieldPath[];
    having?: Condition;
    orderBy: OrderItem[];
    limit?: number | SoqlBind;
    offset?: number | SoqlBind;
    allRows: boolean;
    forUpdate: boolean;
    /** `SELECT COUNT() FROM …` alone: the query returns an Integer, not rows. */
    isCountOnly: boolean;
}
