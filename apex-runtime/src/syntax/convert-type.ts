/**
 * Type references of the parse tree to `TypeRef`.
 */
import type {
    CreatedNameContext,
    QualifiedNameContext,
    TypeListContext,
    TypeRefContext
} from '@apexdevtools/apex-parser';
import type { TypeRef } from './ast.ts';
import type { SourceText } from './source.ts';

/** `List<Map<String, Contact>>`, `Schema.SObjectType`, `Integer[]`. */
export function convertTypeRef(src: SourceText, ctx: TypeRefContext): TypeRef {
    const parts = ctx.typeName_list();
    const names: string[] = [];
    let args: TypeRef[] = [];
    parts.forEach((part, index) => {
        const id = part.id();
        names.push(id ? id.getText() : (part.LIST() ?? part.SET() ?? part.MAP()).getText());
        const typeArgs = part.typeArguments();
        if (!typeArgs) return;
        // ast.ts carries type arguments on the last name part only (`Outer<T>.Inner` has no meaning in Apex).
        if (index !== parts.length - 1) src.unsupported('type arguments before the last part of a type name', part);
        args = convertTypeList(src, typeArgs.typeList());
    });
    return { names, args, arrayDims: ctx.arraySubscripts().LBRACK_list().length };
}

export function convertTypeList(src: SourceText, ctx: TypeListContext): TypeRef[] {
    return ctx.typeRef_list().map((t) => convertTypeRef(src, t));
}

/** `catch (Foo.BarException e)`: a dotted name as a type. */
export function qualifiedNameType(ctx: QualifiedNameContext): TypeRef {
    return { names: ctx.id_list().map((id) => id.getText()), args: [], arrayDims: 0 };
}

/** The type after `new`: `WebexApi.Person`, `List<String>`, `Map<Id, Contact>`. */
export function convertCreatedName(src: SourceText, ctx: CreatedNameContext): TypeRef {
    const pairs = ctx.idCreatedNamePair_list();
    const names: string[] = [];
    let args: TypeRef[] = [];
    pairs.forEach((pair, index) => {
        names.push(pair.anyId().getText());
        const list = pair.typeList();
        if (!list) return;
        if (index !== pairs.length - 1) src.unsupported('type arguments before the last part of a type name', pair);
        args = convertTypeList(src, list);
    });
    return { names, args, arrayDims: 0 };
}

/** `List`, `Set`, `Map`, also written `System.List`…: the collection a `new` builds, or null. */
export function collectionKind(type: TypeRef): 'list' | 'set' | 'map' | null {
    if (type.arrayDims > 0) return 'list';
    const names = type.names.map((n) => n.toLowerCase());
    if (names.length === 2 && names[0] !== 'system') return null;
    if (names.length > 2) return null;
    const last = names[names.length - 1];
    return last === 'list' || last === 'set' || last === 'map' ? last : null;
}
