/**
 * State a native keeps for one transaction, as Apex keeps static variables (Apex Developer Guide › Static
 * and Instance Methods, Variables: statics reset at the transaction's end): `RestContext.request`…
 */
import { UnsupportedApexError } from '../../errors.ts';
import type { NativeRuntime } from './registry.ts';

interface TransactionStateRuntime extends NativeRuntime {
    transactionState?<T>(key: object, make: () => T): T;
}

/** The state kept under `key` in the running transaction, made on first use. */
export function transactionState<T>(rt: NativeRuntime, key: object, make: () => T): T {
    const get = (rt as TransactionStateRuntime).transactionState;
    if (!get) throw new UnsupportedApexError('per-transaction native state on a runtime without transactions');
    return get.call(rt, key, make) as T;
}
