/** SOSL over the in-memory store: what the interpreter calls (`[FIND …]`, `Search.query`). */
export type { SoslQuery, ReturningSpec, SearchGroup } from './ast.ts';
export { parseSosl } from './parse.ts';
export { executeSosl, searchQuery, MAX_SEARCH_ROWS } from './execute.ts';
