/**
 * The methods of `System.DmlException` beyond Exception's (Apex Reference Guide › DmlException
 * Class): getNumDml, getDmlMessage(i), getDmlType(i) (a `StatusCode`), getDmlFieldNames(i),
 * getDmlId(i), getDmlIndex(i), getDmlStatusCode(i). They read the failed rows the data layer attached
 * to the exception (`EXC_DML_FAILURES`); a DmlException built by Apex code has none.
 */
import { UnsupportedApexError } from '../../errors.ts';
import type { DmlError } from '../../data/dml.ts';
import type { Interpreter } from '../interpreter.ts';
import type { ApexObject, ApexValue } from '../model.ts';
import { ApexList } from '../collections.ts';
import { EXC_DML_FAILURES } from '../exceptions.ts';
import { defineBuiltinMethod } from '../native-method.ts';
import { statusCode } from '../natives/database-results.ts';

interface Failure {
    index: number;
    id: string | null;
    error: DmlError;
}

function failuresOf(self: ApexObject): Failure[] {
    return (self.fields.get(EXC_DML_FAILURES) as Failure[] | undefined) ?? [];
}

function failure(self: ApexObject, args: ApexValue[], what: string): Failure {
    const i = args[0];
    if (typeof i !== 'number') throw new UnsupportedApexError(`DmlException.${what} with a null index`);
    const f = failuresOf(self)[i];
    // What an org returns for an index past getNumDml() is not documented: refused.
    if (!f) throw new UnsupportedApexError(`DmlException.${what}(${i}) past getNumDml()`);
    return f;
}

/** Installs the DmlException methods on the built-in class (once per interpreter). */
export function installDmlExceptionMethods(it: Interpreter): void {
    const cls = it.classes.builtins.get('dmlexception');
    if (!cls || cls.methods.has('getnumdml')) return;
    const def = (name: string, arity: number, fn: (self: ApexObject, args: ApexValue[]) => ApexValue): void =>
        defineBuiltinMethod(cls, name, arity, fn, { virtual: false, paramType: 'Integer' });
    def('getNumDml', 0, (s) => failuresOf(s).length);
    def('getDmlMessage', 1, (s, a) => failure(s, a, 'getDmlMessage').error.message);
    def('getDmlType', 1, (s, a) => statusCode(failure(s, a, 'getDmlType').error.statusCode));
    def('getDmlStatusCode', 1, (s, a) => failure(s, a, 'getDmlStatusCode').error.statusCode);
    def(
        'getDmlFieldNames',
        1,
        (s, a) => new ApexList({ k: 'prim', name: 'String' }, [...failure(s, a, 'getDmlFieldNames').error.fields])
    );
    def('getDmlId', 1, (s, a) => failure(s, a, 'getDmlId').id);
    def('getDmlIndex', 1, (s, a) => failure(s, a, 'getDmlIndex').index);
    def('getDmlFields', 1, () => {
        throw new UnsupportedApexError('DmlException.getDmlFields (SObjectField tokens)');
    });
    cls.vtable.clear();
}
