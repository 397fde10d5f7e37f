/**
 * `System.runAs(user) { ... }` (Apex Developer Guide › Using the runAs Method): only in test methods;
 * every call "counts against the total number of DML statements issued in the process"; runAs blocks
 * can be nested; the block runs as the given user (a new, uninserted User record is allowed: the
 * guide's example runs as one) and the previous user is back after it. The running user's time zone
 * follows the user's `TimeZoneSidKey`, its locale the user's `LocaleSidKey` (read from the stored row when
 * the record passed holds only the Id). Nothing is committed by runAs itself.
 */
import type * as ast from '../syntax/ast.ts';
import { UnsupportedApexError } from '../errors.ts';
import { SObject } from '../data/sobject.ts';
import type { Completion, Frame } from '../interpreter/frame.ts';
import type { Interpreter } from '../interpreter/interpreter.ts';
import { evalExpr } from '../interpreter/expressions.ts';
import { execBlock } from '../interpreter/statements.ts';
import { testStateOf } from '../interpreter/natives/test.ts';
import { findDataLayer } from '../interpreter/data/layer.ts';

/** The stored row of a record, when a data layer is wired. */
function storedRecord(it: Interpreter, id: string): SObject | undefined {
    return findDataLayer(it)?.store.get(id);
}

/** The handler to install as `interpreter.runAsHandler`. */
export function runAsHandler(it: Interpreter): (s: ast.RunAsStmt, f: Frame) => Completion {
    return (s, f) => {
        const where = `${f.file}:${s.line}`;
        const st = testStateOf(it);
        if (!st.running)
            throw new UnsupportedApexError(
                'System.runAs outside a test method ("You can use runAs only in test methods")',
                where
            );
        if (s.args.length !== 1) throw new UnsupportedApexError(`System.runAs with ${s.args.length} arguments`, where);
        const user = evalExpr(it, s.args[0] as ast.Expr, f);
        if (!(user instanceof SObject) || user.type !== 'User') {
            // runAs(Version) sets a package version context, which the runtime does not model; runAs(null) is not documented.
            throw new UnsupportedApexError(
                user === null
                    ? 'System.runAs(null)'
                    : 'System.runAs with a non-User argument (package version contexts are not modelled)',
                where
            );
        }
        f.line = s.line;
        it.limits.count('dmlStatements');
        st.runAsDml++;
        const savedZone = it.timeZone;
        const savedLocale = it.localeSidKey;
        // A queried User often carries only its Id: its settings are the stored row's.
        const stored = user.id ? storedRecord(it, user.id) : undefined;
        const setting = (name: string): unknown =>
            user.has(name) ? user.get(name) : stored?.has(name) ? stored.get(name) : null;
        const zone = setting('TimeZoneSidKey');
        const locale = setting('LocaleSidKey');
        st.users.push(user);
        if (typeof zone === 'string' && zone) it.timeZone = zone;
        if (typeof locale === 'string' && locale) it.localeSidKey = locale;
        try {
            return execBlock(it, s.body, f);
        } finally {
            st.users.pop();
            it.timeZone = savedZone;
            it.localeSidKey = savedLocale;
        }
    };
}
