/**
 * A query of ContentDocumentLink must filter on the link's Id, its ContentDocumentId or its LinkedEntityId:
 * Object Reference › ContentDocumentLink › Usage, "You can't run a query without filters against
 * ContentDocumentLink", and › Special Access Rules, "In API versions 59.0 and later, turn on the Query All Files
 * permission to query without a filter on id, LinkedEntityId, and documentID fields. The View All Data permission
 * is required to turn on Query All Files"
 * (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_contentdocumentlink.htm).
 * The message, and that the filter is an `=` or an `IN` (a `NOT IN` is refused), are observed in orgs
 * (https://salesforce.stackexchange.com/questions/321161), as is that it holds in system mode too (that question's
 * query ran in batch Apex); the running user's Query All Files lifts it.
 *
 * Checked on the top-level query; a filter that names those fields only inside OR or NOT is not settled by any
 * source and is refused with an `UnsupportedApexError`.
 */
import { UnsupportedApexError } from '../../errors.ts';
import type { Condition, FieldPath, SoqlQuery } from './ast.ts';
import type { QueryContext } from './source.ts';
import { queryException } from './values.ts';

const OBJECT = 'contentdocumentlink';
const FILTER_FIELDS = new Set(['id', 'contentdocumentid', 'linkedentityid']);

/** The message orgs give (observed in orgs). */
export const CONTENT_DOCUMENT_LINK_FILTER_MESSAGE =
    "Implementation restriction: ContentDocumentLink requires a filter by a single Id on ContentDocumentId or LinkedEntityId using the equals operator or multiple Id's using the IN operator.";

/** The field a path names on the queried object (`LinkedEntityId`, `l.LinkedEntityId`), lower case, or undefined. */
function ownField(path: FieldPath, q: SoqlQuery): string | undefined {
    if (path.length === 1) return path[0].toLowerCase();
    const head = path[0].toLowerCase();
    if (path.length === 2 && (head === q.fromAlias?.toLowerCase() || head === q.from.toLowerCase()))
        return path[1].toLowerCase();
    return undefined;
}

function conjuncts(c: Condition): Condition[] {
    return c.kind === 'and' ? c.items.flatMap(conjuncts) : [c];
}

function isIdFilter(c: Condition, q: SoqlQuery): boolean {
    if (c.kind !== 'compare' || c.left.kind !== 'field') return false;
    const field = ownField(c.left.path, q);
    if (!field || !FILTER_FIELDS.has(field)) return false;
    return (c.op === '=' && c.value.kind !== 'null') || c.op === 'IN';
}

function namesFilterField(c: Condition, q: SoqlQuery): boolean {
    if (c.kind === 'compare') return c.left.kind === 'field' && FILTER_FIELDS.has(ownField(c.left.path, q) ?? '');
    return c.kind === 'not' ? namesFilterField(c.item, q) : c.items.some((i) => namesFilterField(i, q));
}

/** Throws the documented QueryException when a ContentDocumentLink query lacks its required filter. */
export function checkContentDocumentLinkFilter(q: SoqlQuery, object: string, ctx: QueryContext): void {
    if (object.toLowerCase() !== OBJECT) return;
    const all = q.where ? conjuncts(q.where) : [];
    if (all.some((c) => isIdFilter(c, q))) return;
    if (ctx.access?.hasUserPermission?.('QueryAllFiles')) return;
    if (all.some((c) => c.kind !== 'compare' && namesFilterField(c, q)))
        throw new UnsupportedApexError(
            'a ContentDocumentLink query whose Id, ContentDocumentId or LinkedEntityId filter is inside OR or NOT'
        );
    throw queryException(CONTENT_DOCUMENT_LINK_FILTER_MESSAGE);
}
