import { ApexDate, ApexDatetime } from '../../values/temporal.ts';
import type { TemporalValues } from './source.ts';

/** The value library's Date and Datetime (`values/temporal.ts`) as queries see them. */
export const apexTemporalValues: TemporalValues = {
    date: (year, month, day) => new ApexDate(year, month, day),
    datetime: (epochMs) => new ApexDatetime(epochMs),
    dateParts: (v) => (v instanceof ApexDate ? { year: v.year, month: v.month, day: v.day } : undefined),
    epochMs: (v) => (v instanceof ApexDatetime ? v.epochMs : undefined)
};
