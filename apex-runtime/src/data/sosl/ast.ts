/**
 * The runtime's tree of a SOSL search (SOQL and SOSL Reference › SOSL Syntax): the FIND text, the
 * search group, the RETURNING objects with their field lists and filters, and LIMIT.
 */
import type { Condition, FieldPath, OrderItem, SoqlBind } from '../soql/ast.ts';

export type SearchGroup = 'ALL' | 'NAME' | 'EMAIL' | 'PHONE' | 'SIDEBAR';

/** `Contact(Id, Name WHERE … ORDER BY … LIMIT n OFFSET m)`. */
export interface ReturningSpec {
    object: string;
    /** Empty when the object is named without a field list (only Ids are returned). */
    fields: FieldPath[];
    where?: Condition;
    orderBy: OrderItem[];
    limit?: number | SoqlBind;
    offset?: number | SoqlBind;
}

export interface SoslQuery {
    text: string;
    /** The search expression text between the quotes/braces (SOSL escapes kept), or a bind (`FIND :term`). */
    find: string | SoqlBind;
    /** `IN … FIELDS`; "If unspecified, then the default is ALL FIELDS". */
    group: SearchGroup;
    /** Absent when there is no RETURNING clause. */
    returning?: ReturningSpec[];
    limit?: number | SoqlBind;
    withMode?: 'user' | 'system';
}
