/**
 * A method of a built-in Apex class implemented in TypeScript (Exception's getMessage, DmlException's
 * getDmlMessage…), in the shape the class registry dispatches like any declared method.
 */
import type { ApexObject, ApexValue, ClassInfo, MethodInfo } from './model.ts';
import { OBJECT_TYPE } from './types.ts';

export interface BuiltinMethodOptions {
    /** Overridable by Apex subclasses (Exception's methods are; DmlException's are not). */
    virtual: boolean;
    /** The declared parameter type shown for each parameter (dispatch itself accepts any value). */
    paramType: string;
}

/** Sets `owner`'s method `name` of `arity` parameters to `fn`. */
export function defineBuiltinMethod(
    owner: ClassInfo,
    name: string,
    arity: number,
    fn: (self: ApexObject, args: ApexValue[]) => ApexValue,
    options: BuiltinMethodOptions
): void {
    const m: MethodInfo = {
        name,
        lname: name.toLowerCase(),
        owner,
        decl: {
            kind: 'method',
            name,
            annotations: [],
            modifiers: options.virtual ? ['public', 'virtual'] : ['public'],
            returnType: { names: ['Object'], args: [], arrayDims: 0 },
            params: [],
            endLine: 0,
            line: 0
        },
        params: Array.from({ length: arity }, (_, i) => ({
            name: `p${i}`,
            type: { names: [options.paramType], args: [], arrayDims: 0 },
            isFinal: false,
            line: 0
        })),
        paramTypes: Array.from({ length: arity }, () => OBJECT_TYPE),
        returnType: OBJECT_TYPE,
        isStatic: false,
        isAbstract: false,
        isVirtual: options.virtual,
        isOverride: false,
        isPrivate: false,
        native: (self, args) => fn(self as ApexObject, args)
    };
    owner.methods.set(m.lname, [m]);
}
