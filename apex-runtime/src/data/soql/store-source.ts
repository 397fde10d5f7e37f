import type { RecordStore } from '../store.ts';
import { isDeleted } from '../store.ts';
import type { QuerySource } from './source.ts';

/** The record store (`data/store.ts`) as a {@link QuerySource}. */
export function storeQuerySource(store: RecordStore): QuerySource {
    return {
        describe: (object) => store.schema.describe(object),
        describeByKeyPrefix: (prefix) => store.schema.byKeyPrefix(prefix),
        records: (object, allRows) => store.rows(object, allRows),
        recordById: (id) => {
            const row = store.get(id);
            // A lookup to a deleted record reads as empty, as the platform clears it.
            return row && !isDeleted(row) ? row : undefined;
        }
    };
}
