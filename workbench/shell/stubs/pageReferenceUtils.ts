/**
 * `lightning/pageReferenceUtils` for the workbench: the `defaultFieldValues` encoding of a new-record
 * page reference (`Phone=%2B1%20415,LastName=Doe`), which the shell's New <Object> page reads.
 */
import type * as Platform from 'lightning/pageReferenceUtils';

export const encodeDefaultFieldValues: typeof Platform.encodeDefaultFieldValues = (values) =>
    Object.entries(values ?? {})
        .filter(([, value]) => value !== null && value !== undefined)
        .map(([field, value]) => `${field}=${encodeURIComponent(String(value))}`)
        .join(',');

export const decodeDefaultFieldValues: typeof Platform.decodeDefaultFieldValues = (encoded) => {
    const values: Record<string, string> = {};
    for (const pair of (encoded ?? '').split(',')) {
        const at = pair.indexOf('=');
        if (at > 0) values[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1));
    }
    return values;
};
