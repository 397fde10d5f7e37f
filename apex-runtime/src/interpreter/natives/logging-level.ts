/**
 * `System.LoggingLevel` (Apex Reference Guide › LoggingLevel Enum): the level `System.debug(level, msg)`
 * logs at, constants from the lowest to the highest level as the page lists them.
 */
import type { ApexValue } from '../model.ts';
import { NativeObject } from '../model.ts';
import { nativeEnum } from './schema-enums.ts';

export const LoggingLevelEnum = nativeEnum('LoggingLevel', 'System', [
    'NONE',
    'ERROR',
    'WARN',
    'INFO',
    'DEBUG',
    'FINE',
    'FINER',
    'FINEST'
]);

/** The constant name of a `System.debug` level argument; null when the value is no LoggingLevel. */
export function loggingLevelName(v: ApexValue): string | null {
    return v instanceof NativeObject && v.cls === LoggingLevelEnum.cls ? LoggingLevelEnum.nameOf(v) : null;
}
