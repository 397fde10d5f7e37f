/**
 * Runs the project's `.trigger` files on DML of their object (Apex Developer Guide › Triggers,
 * Trigger Context Variables, Triggers and Order of Execution), and the `Trigger` class whose context
 * variables their code reads (`Trigger.new`, `Trigger.oldMap`, `Trigger.isBefore`, …).
 *
 * - A trigger runs for the events it names (`before insert`, `after update`…), once per chunk of 200
 *   records ("triggers execute on batches of 200 records at a time", Triggers › Bulk Triggers).
 * - `Trigger.new` is the records being saved (writable in before triggers; read-only copies after);
 *   `Trigger.newMap` exists except in before insert; `Trigger.old`/`oldMap` in update and delete.
 * - An exception a trigger does not handle fails the DML statement with
 *   `CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY, <Trigger>: execution of BeforeInsert caused by: <type>: <message>`
 *   (the status code and text orgs return; the text is not documented: behaviour observed in orgs).
 *   A `LimitException` is not caught: it ends the transaction.
 */
import type * as ast from '../../syntax/ast.ts';
import { UnsupportedApexError } from '../../errors.ts';
import {
    DmlSignal,
    dmlExceptionMessage,
    type TriggerHooks,
    type TriggerOperation,
    type TriggerTiming
} from '../../data/dml.ts';
import type { SObject } from '../../data/sobject.ts';
import type { Interpreter } from '../interpreter.ts';
import type { ApexType, ApexValue } from '../model.ts';
import { ApexList, ApexMap } from '../collections.ts';
import { ApexThrow, exceptionTypeName, isUncatchable, messageOf } from '../exceptions.ts';
import { defineNative } from '../natives/registry.ts';
import type { NativeClass, NativeRuntime } from '../natives/registry.ts';

/** Triggers execute on batches of 200 records (Triggers › Bulk Triggers). */
export const TRIGGER_CHUNK = 200;

const ID_TYPE: ApexType = { k: 'prim', name: 'Id' };

/** The context variables of one running trigger. */
export interface TriggerContext {
    timing: TriggerTiming;
    operation: TriggerOperation;
    newList: ApexList | null;
    oldList: ApexList | null;
    newMap: ApexMap | null;
    oldMap: ApexMap | null;
    size: number;
}

interface LoadedTrigger {
    decl: ast.TriggerDecl;
    file: string;
}

const runners = new WeakMap<object, TriggerRunner>();

/** Finds and runs triggers; keeps the stack of running trigger contexts. */
export class TriggerRunner implements TriggerHooks {
    private readonly byObject = new Map<string, LoadedTrigger[]>();
    private readonly stack: TriggerContext[] = [];
    private it: Interpreter | null = null;

    /** Reads the triggers loaded into the interpreter's class registry. */
    load(it: Interpreter): void {
        this.it = it;
        runners.set(it, this);
        this.byObject.clear();
        for (const t of it.classes.triggers) {
            // The object as the schema names it: a package's trigger written `on Foo__c` runs on `ns__Foo__c` once
            // installed (Apex Developer Guide › Namespace Prefix: code names its own objects without the prefix).
            const key = (it.schema?.describe(t.decl.object)?.name ?? t.decl.object).toLowerCase();
            const list = this.byObject.get(key) ?? [];
            list.push(t);
            this.byObject.set(key, list);
        }
    }

    /** Whether any trigger is declared on `object` for `timing operation`. */
    has(object: string, timing: TriggerTiming, operation: TriggerOperation): boolean {
        const event = `${timing} ${operation}`;
        return (this.byObject.get(object.toLowerCase()) ?? []).some((t) => t.decl.events.includes(event));
    }

    /** The innermost running trigger's context, or undefined outside triggers. */
    current(): TriggerContext | undefined {
        return this.stack[this.stack.length - 1];
    }

    fire(
        object: string,
        timing: TriggerTiming,
        operation: TriggerOperation,
        newList: SObject[] | null,
        oldList: SObject[] | null,
        chunk = TRIGGER_CHUNK
    ): void {
        const event = `${timing} ${operation}`;
        const triggers = (this.byObject.get(object.toLowerCase()) ?? []).filter((t) => t.decl.events.includes(event));
        if (triggers.length === 0) return;
        const it = this.it;
        if (!it) throw new Error('TriggerRunner used before load(interpreter)');
        const total = (newList ?? oldList ?? []).length;
        for (let start = 0; start < total; start += chunk) {
            const news = newList ? newList.slice(start, start + chunk) : null;
            const olds = oldList ? oldList.slice(start, start + chunk) : null;
            const ctx = context(object, timing, operation, news, olds);
            for (const t of triggers) this.runOne(it, t, ctx);
        }
    }

    private runOne(it: Interpreter, t: LoadedTrigger, ctx: TriggerContext): void {
        this.stack.push(ctx);
        try {
            it.runBlock(t.decl.body, `Trigger.${t.decl.name}`, t.file);
        } catch (e) {
            if (!(e instanceof ApexThrow) || isUncatchable(e.exception.cls.name)) throw e;
            const error = {
                statusCode: 'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY',
                message: `${t.decl.name}: execution of ${eventName(ctx)} caused by: ${exceptionTypeName(e.exception.cls)}: ${messageOf(e.exception)}`,
                fields: []
            };
            throw new DmlSignal(dmlExceptionMessage(ctx.operation, 0, null, error), [{ index: 0, id: null, error }]);
        } finally {
            this.stack.pop();
        }
    }
}

/** `BeforeInsert`, `AfterUpdate`…: how orgs name the event in a trigger failure. */
function eventName(ctx: TriggerContext): string {
    const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
    return `${cap(ctx.timing)}${cap(ctx.operation)}`;
}

function context(
    object: string,
    timing: TriggerTiming,
    operation: TriggerOperation,
    news: SObject[] | null,
    olds: SObject[] | null
): TriggerContext {
    const type: ApexType = { k: 'sobject', name: (news ?? olds)?.[0]?.type ?? object };
    const mapOf = (rows: SObject[]): ApexMap => {
        const m = new ApexMap(ID_TYPE, type);
        for (const r of rows) m.put(r.id, r);
        return m;
    };
    return {
        timing,
        operation,
        newList: news ? new ApexList(type, news) : null,
        oldList: olds ? new ApexList(type, olds) : null,
        // Trigger.newMap: "only available in before update, after insert, after update, and after undelete triggers".
        newMap: news && !(timing === 'before' && operation === 'insert') ? mapOf(news) : null,
        oldMap: olds ? mapOf(olds) : null,
        size: (news ?? olds ?? []).length
    };
}

function requireContext(rt: NativeRuntime, what: string): TriggerContext {
    const ctx = runners.get(rt)?.current();
    if (!ctx) throw new UnsupportedApexError(`Trigger.${what} outside a trigger`);
    return ctx;
}

function prop(what: string, read: (c: TriggerContext) => ApexValue): (rt: NativeRuntime) => ApexValue {
    return (rt) => read(requireContext(rt, what));
}

/** `System.Trigger`: the context variables (Apex Developer Guide › Trigger Context Variables). */
export const TriggerNative: NativeClass = defineNative({
    name: 'Trigger',
    namespace: 'System',
    staticProps: {
        // "Returns true if the current context for the Apex code is a trigger".
        isExecuting: (rt) => runners.get(rt)?.current() !== undefined,
        new: prop('new', (c) => c.newList),
        old: prop('old', (c) => c.oldList),
        newMap: prop('newMap', (c) => c.newMap),
        oldMap: prop('oldMap', (c) => c.oldMap),
        isInsert: prop('isInsert', (c) => c.operation === 'insert'),
        isUpdate: prop('isUpdate', (c) => c.operation === 'update'),
        isDelete: prop('isDelete', (c) => c.operation === 'delete'),
        isUndelete: prop('isUndelete', (c) => c.operation === 'undelete'),
        isBefore: prop('isBefore', (c) => c.timing === 'before'),
        isAfter: prop('isAfter', (c) => c.timing === 'after'),
        size: prop('size', (c) => c.size)
    }
});
