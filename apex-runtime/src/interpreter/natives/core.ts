/**
 * The natives the interpreter core ships: System, Assert, String, Math, Limits, Type. Other
 * modules register theirs the same way (`registry.register(defineNative({...}))`).
 */
import { NativeRegistry } from './registry.ts';
import { SystemNative } from './system.ts';
import { AssertNative } from './assert.ts';
import { StringNative } from './string.ts';
import { MathNative } from './math.ts';
import { LimitsNative } from './limits-class.ts';
import { TypeNative } from './type.ts';
import { VALUE_NATIVES } from './value-classes.ts';
import { ORG_NATIVES } from './org-natives.ts';
import { LoggingLevelEnum } from './logging-level.ts';
import { REST_NATIVES } from './rest.ts';
import { DOM_NATIVES } from './dom.ts';
import { PAGE_NATIVES } from './page-reference.ts';

/** A registry holding the core natives. */
export function coreNatives(): NativeRegistry {
    const r = new NativeRegistry();
    for (const c of [SystemNative, AssertNative, StringNative, MathNative, LimitsNative, TypeNative]) r.register(c);
    for (const c of VALUE_NATIVES) r.register(c);
    for (const c of ORG_NATIVES) r.register(c);
    r.register(LoggingLevelEnum.cls);
    for (const c of REST_NATIVES) r.register(c);
    for (const c of DOM_NATIVES) r.register(c);
    for (const c of PAGE_NATIVES) r.register(c);
    return r;
}
