/**
 * The System classes over primitive values, registered next to the core natives: JSON, Pattern,
 * Matcher, Integer, Long, Decimal, Double, Boolean, RoundingMode, Date, Datetime, Time, TimeZone,
 * Blob, EncodingUtil, Crypto, Url, Id.
 */
import type { NativeClass } from './registry.ts';
import { JsonNative } from './json.ts';
import { MatcherNative, PatternNative } from './regex.ts';
import {
    BooleanNative,
    DecimalNative,
    DoubleNative,
    IntegerNative,
    LongNative,
    RoundingModeNative
} from './numbers.ts';
import { DateNative, DatetimeNative, TimeNative, TimeZoneNative } from './temporal.ts';
import { BlobNative, CryptoNative, EncodingUtilNative } from './bytes.ts';
import { UrlNative } from './url.ts';
import { IdNative } from './id.ts';

/** The value classes, in registration order. */
export const VALUE_NATIVES: readonly NativeClass[] = [
    JsonNative,
    PatternNative,
    MatcherNative,
    IntegerNative,
    LongNative,
    DecimalNative,
    DoubleNative,
    BooleanNative,
    RoundingModeNative,
    DateNative,
    DatetimeNative,
    TimeNative,
    TimeZoneNative,
    BlobNative,
    EncodingUtilNative,
    CryptoNative,
    UrlNative,
    IdNative
];
