/**
 * apex-runtime public API.
 */
export { createRuntime, toJsError } from './interpreter/runtime.ts';
export type { ApexRuntime, RuntimeOptions } from './interpreter/runtime.ts';
export { ApexError } from './interpreter/exceptions.ts';
export { UnsupportedApexError } from './errors.ts';
export type { ApexValue } from './interpreter/model.ts';
export { ApexList, ApexSet, ApexMap } from './interpreter/collections.ts';
export { defineNative } from './interpreter/natives/registry.ts';
export type { NativeClass, NativeRuntime } from './interpreter/natives/registry.ts';
export { Limits } from './interpreter/limits.ts';
