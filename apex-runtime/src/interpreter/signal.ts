/**
 * How code outside the interpreter (values, data, limits) raises an Apex exception without
 * depending on the interpreter: any thrown `Error` carrying a string `apexType` (e.g.
 * `'System.MathException'`) becomes an instance of that Apex exception type when it reaches Apex
 * code. R2's `values/signal.ts` (`ApexRuntimeSignal`) has the same shape; this is the narrow
 * interface the interpreter relies on.
 */
export interface ApexSignalLike extends Error {
    apexType: string;
}

/** Whether `e` asks to become an Apex exception. */
export function isApexSignal(e: unknown): e is ApexSignalLike {
    return e instanceof Error && typeof (e as Partial<ApexSignalLike>).apexType === 'string';
}
