/**
 * SOQL over the in-memory store: what the interpreter calls. See `README.md` in this folder for the
 * supported surface and what is refused.
 */
export type {
    SoqlQuery,
    SoqlBind,
    SoqlValue,
    SelectItem,
    Condition,
    OrderItem,
    FieldPath,
    AggregateFn,
    ComparisonOp
} from './ast.ts';
export { parseSoql } from './parse.ts';
export { executeSoql, MAX_OFFSET } from './execute.ts';
export {
    assignSingleRow,
    databaseQuery,
    databaseQueryWithBinds,
    databaseCountQuery,
    databaseGetQueryLocator,
    type AccessLevelArg
} from './database.ts';
export type {
    QueryContext,
    QuerySource,
    QueryAccess,
    QueryUser,
    TemporalValues,
    LimitsSink,
    SearchContext
} from './source.ts';
export { storeQuerySource } from './store-source.ts';
export { apexTemporalValues } from './temporal.ts';
