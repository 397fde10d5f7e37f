/**
 * `Pattern` and `Matcher` (Apex Reference Guide › Pattern Class, Matcher Class) over
 * `values/java-regex.ts` (Java regular expressions, which Apex uses). Pattern and Matcher values
 * are native objects compared by reference.
 */
import { UnsupportedApexError } from '../../errors.ts';
import { JavaMatcher, JavaPattern } from '../../values/java-regex.ts';
import type { ApexValue } from '../model.ts';
import { NativeObject } from '../model.ts';
import { ApexList } from '../collections.ts';
import { prim } from '../types.ts';
import { defineNative } from './registry.ts';
import type { NativeClass, NativeOverload, NativeRuntime } from './registry.ts';
import { int, str } from './platform.ts';

function patternOf(v: ApexValue): JavaPattern {
    if (v instanceof NativeObject && v.state instanceof JavaPattern) return v.state;
    throw new UnsupportedApexError('Pattern method on a non-Pattern');
}

function matcherOf(v: ApexValue): JavaMatcher {
    if (v instanceof NativeObject && v.state instanceof JavaMatcher) return v.state;
    throw new UnsupportedApexError('Matcher method on a non-Matcher');
}

/** `group`, `start`, `end`: without argument, by group number, or by group name. */
function byGroup(fn: (m: JavaMatcher, g?: number | string) => ApexValue): NativeOverload[] {
    return [
        { params: [], fn: (_rt: NativeRuntime, s: ApexValue) => fn(matcherOf(s)) },
        { params: ['Integer'], fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => fn(matcherOf(s), int(a, 0)) },
        { params: ['String'], fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => fn(matcherOf(s), str(a, 0)) }
    ];
}

export const PatternNative: NativeClass = defineNative({
    name: 'Pattern',
    namespace: 'System',
    isInstance: (v) => v instanceof NativeObject && v.state instanceof JavaPattern,
    statics: {
        // A compiled pattern holds no match state, so the shared compiled form is wrapped in a new object.
        compile: [
            {
                params: ['String'],
                fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) =>
                    new NativeObject(PatternNative, JavaPattern.cached(str(a, 0)))
            }
        ],
        matches: [
            {
                params: ['String', 'String'],
                fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => JavaPattern.matches(str(a, 0), str(a, 1))
            }
        ],
        quote: [
            {
                params: ['String'],
                fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => JavaPattern.quote(str(a, 0))
            }
        ]
    },
    methods: {
        matcher: [
            {
                params: ['String'],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) =>
                    new NativeObject(MatcherNative, patternOf(s).matcher(str(a, 0)))
            }
        ],
        pattern: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => patternOf(s).pattern }],
        split: [
            {
                params: ['String'],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) =>
                    new ApexList(prim('String'), patternOf(s).split(str(a, 0)))
            },
            {
                params: ['String', 'Integer'],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) =>
                    new ApexList(prim('String'), patternOf(s).split(str(a, 0), int(a, 1)))
            }
        ]
    }
});

export const MatcherNative: NativeClass = defineNative({
    name: 'Matcher',
    namespace: 'System',
    isInstance: (v) => v instanceof NativeObject && v.state instanceof JavaMatcher,
    methods: {
        matches: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => matcherOf(s).matches() }],
        lookingAt: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => matcherOf(s).lookingAt() }],
        find: [
            { params: [], fn: (_rt: NativeRuntime, s: ApexValue) => matcherOf(s).find() },
            {
                params: ['Integer'],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => matcherOf(s).find(int(a, 0))
            }
        ],
        group: byGroup((m, g) => m.group(g)),
        start: byGroup((m, g) => m.start(g)),
        end: byGroup((m, g) => m.end(g)),
        groupCount: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => matcherOf(s).groupCount() }],
        reset: [
            { params: [], fn: (_rt: NativeRuntime, s: ApexValue) => (matcherOf(s).reset(), s) },
            {
                params: ['String'],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => (matcherOf(s).reset(str(a, 0)), s)
            }
        ],
        replaceAll: [
            {
                params: ['String'],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => matcherOf(s).replaceAll(str(a, 0))
            }
        ],
        replaceFirst: [
            {
                params: ['String'],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => matcherOf(s).replaceFirst(str(a, 0))
            }
        ],
        hitEnd: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => matcherOf(s).hitEnd() }],
        pattern: [
            {
                params: [],
                fn: (_rt: NativeRuntime, s: ApexValue) => new NativeObject(PatternNative, matcherOf(s).pattern)
            }
        ]
    }
});
