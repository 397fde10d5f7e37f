/**
 * `EventBus.publish(event | events)` (Apex Reference Guide › EventBus Class; Platform Events Developer
 * Guide › Publish Behavior): returns `Database.SaveResult`s and never throws for a failed publish;
 * the events reach the `after insert` triggers of their object when the test delivers them
 * (`Test.stopTest()` or `Test.getEventBus().deliver()`, Platform Events Developer Guide › Test
 * Platform Event Triggers).
 *
 * Limits: an event object that publishes immediately counts each call against the separate limit of
 * 150 `EventBus.publish` calls (`Limits.getPublishImmediateDML()`); one that publishes after commit
 * counts a DML statement (EventBus.publish › Usage). An object whose publish behaviour the metadata
 * does not give is refused. Platform event triggers receive at most 2,000 events per run (Platform
 * Events Developer Guide › Platform Event Trigger Batch Size). They run here as the publishing user
 * (an org runs them as the Automated Process user, which the runtime does not model).
 */
import { UnsupportedApexError } from '../../errors.ts';
import { nullPointerException } from '../../values/signal.ts';
import { SObject } from '../../data/sobject.ts';
import type { SaveResult } from '../../data/dml.ts';
import type { ApexValue } from '../model.ts';
import { ApexList } from '../collections.ts';
import { dataLayerOf } from '../data/layer.ts';
import { publishEvent } from './test.ts';
import { defineNative } from './registry.ts';
import type { NativeClass, NativeRuntime } from './registry.ts';
import { SaveResultNative, resultsValue } from './database-results.ts';

/** Platform event triggers: "the maximum batch size … is 2,000 event messages". */
export const EVENT_TRIGGER_CHUNK = 2000;

function publish(rt: NativeRuntime, target: ApexValue): ApexValue {
    if (target === null) throw nullPointerException();
    const single = !(target instanceof ApexList);
    const events = single ? [target] : target.items;
    // What an org does with an empty list is not documented: refused.
    if (events.length === 0) throw new UnsupportedApexError('EventBus.publish of an empty list');
    const layer = dataLayerOf(rt);
    const byObject = new Map<string, SObject[]>();
    const results: SaveResult[] = [];
    for (const e of events) {
        if (!(e instanceof SObject))
            throw new UnsupportedApexError('EventBus.publish of a non-SObject (or null) event');
        if (!e.describe.platformEvent)
            throw new UnsupportedApexError(`EventBus.publish of ${e.type}, which is not a platform event`);
        // The Id of the SaveResult "is not used to identify an event message, and is not always unique" (EventBus.publish).
        results.push({ id: layer.store.ids.next(e.describe.keyPrefix), success: true, errors: [] });
        const copy = e.clone(false, false, true, true);
        copy.readOnly = true;
        const list = byObject.get(e.type) ?? [];
        list.push(copy);
        byObject.set(e.type, list);
    }
    const behaviours = new Set([...byObject.keys()].map((o) => behaviourOf(layer.publishBehavior(o), o)));
    if (behaviours.has('PublishAfterCommit')) rt.limits.count('dmlStatements');
    if (behaviours.has('PublishImmediately')) rt.limits.count('publishImmediateDml');
    for (const [object, list] of byObject) {
        publishEvent(rt, {
            what: `Platform event ${object}`,
            run: () => layer.triggers.fire(object, 'after', 'insert', list, null, EVENT_TRIGGER_CHUNK),
            published: {
                object,
                events: list,
                immediately: behaviourOf(layer.publishBehavior(object), object) === 'PublishImmediately'
            }
        });
    }
    return resultsValue(SaveResultNative, results, single);
}

function behaviourOf(b: string | undefined, object: string): string {
    if (b !== 'PublishImmediately' && b !== 'PublishAfterCommit')
        throw new UnsupportedApexError(`EventBus.publish of ${object} (its publishBehavior is not in the metadata)`);
    return b;
}

/** `System.EventBus`. */
export const EventBusNative: NativeClass = defineNative({
    name: 'EventBus',
    namespace: 'System',
    statics: {
        publish: [{ params: ['Object'], fn: (rt, _s, a) => publish(rt, a[0] ?? null) }],
        getOperationId: [
            {
                params: ['Object'],
                fn: () => {
                    throw new UnsupportedApexError('EventBus.getOperationId');
                }
            }
        ]
    }
});
