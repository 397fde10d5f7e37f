/**
 * Declarations of the parse tree (types, members, triggers) to their `ast.ts` nodes.
 */
import type {
    AnnotationContext,
    ClassBodyDeclarationContext,
    ClassDeclarationContext,
    ElementValueContext,
    EnumDeclarationContext,
    FormalParametersContext,
    InterfaceDeclarationContext,
    InterfaceMethodDeclarationContext,
    MemberDeclarationContext,
    MethodDeclarationContext,
    ModifierContext,
    PropertyDeclarationContext,
    TriggerUnitContext,
    TypeDeclarationContext
} from '@apexdevtools/apex-parser';
import type {
    Accessor,
    Annotation,
    ClassDecl,
    EnumDecl,
    InterfaceDecl,
    LocalVarStmt,
    Member,
    MethodDecl,
    Modifier,
    Parameter,
    PropertyDecl,
    TriggerDecl,
    TypeDecl,
    TypeRef
} from './ast.ts';
import { convertLiteral } from './convert-expr.ts';
import { checkOnlyFinal, convertBlock, convertDeclarators, convertStmt } from './convert-stmt.ts';
import { convertTypeList, convertTypeRef } from './convert-type.ts';
import type { SourceText } from './source.ts';

/** A fresh `void` per method: the interpreter memoizes resolutions on type nodes, so no node is shared. */
function voidType(): TypeRef {
    return { names: ['void'], args: [], arrayDims: 0 };
}

interface Modifiers {
    annotations: Annotation[];
    modifiers: Modifier[];
}

/** Annotations and lower-case modifiers (`with sharing` spelled with one space). */
export function convertModifiers(src: SourceText, list: ModifierContext[]): Modifiers {
    const annotations: Annotation[] = [];
    const modifiers: Modifier[] = [];
    for (const m of list) {
        const annotation = m.annotation();
        if (annotation) annotations.push(convertAnnotation(src, annotation));
        // getText() joins tokens without the space: `withsharing`.
        else modifiers.push(m.children?.map((child) => child.getText().toLowerCase()).join(' ') ?? '');
    }
    return { annotations, modifiers };
}

function convertAnnotation(src: SourceText, ctx: AnnotationContext): Annotation {
    const params: Annotation['params'] = {};
    const pairs = ctx.elementValuePairs();
    if (pairs) {
        for (const pair of pairs.elementValuePair_list())
            params[pair.id().getText()] = elementValue(src, pair.elementValue());
    }
    const lone = ctx.elementValue();
    if (lone) params.value = elementValue(src, lone);
    return { name: ctx.id().getText(), params, line: src.line(ctx.start) };
}

function elementValue(src: SourceText, ctx: ElementValueContext): string | boolean | number {
    const literal = convertLiteral(src, ctx.literal());
    switch (literal.type) {
        case 'string':
        case 'boolean':
            return literal.value as string | boolean;
        case 'integer':
        case 'decimal':
        case 'double':
            return Number(literal.value);
        default:
            return src.unsupported(`annotation value ${ctx.getText()}`, ctx);
    }
}

/** The top-level type of a `.cls` file, with the modifiers written before it. */
export function convertTypeDeclaration(src: SourceText, ctx: TypeDeclarationContext): TypeDecl {
    const mods = convertModifiers(src, ctx.modifier_list());
    return convertTypeIn(src, ctx, mods) ?? src.unsupported('type declaration', ctx);
}

/** The class, interface or enum a file's top-level type or an inner type declares; undefined for another member. */
function convertTypeIn(
    src: SourceText,
    ctx: TypeDeclarationContext | MemberDeclarationContext,
    mods: Modifiers
): TypeDecl | undefined {
    const cls = ctx.classDeclaration();
    if (cls) return convertClass(src, cls, mods);
    const iface = ctx.interfaceDeclaration();
    if (iface) return convertInterface(src, iface, mods);
    const en = ctx.enumDeclaration();
    if (en) return convertEnum(src, en, mods);
    return undefined;
}

function convertClass(src: SourceText, ctx: ClassDeclarationContext, mods: Modifiers): ClassDecl {
    const ext = ctx.typeRef();
    const impl = ctx.typeList();
    return {
        kind: 'class',
        line: src.line(ctx.start),
        name: ctx.id().getText(),
        ...mods,
        ...(ext ? { extends: convertTypeRef(src, ext) } : {}),
        implements: impl ? convertTypeList(src, impl) : [],
        members: ctx
            .classBody()
            .classBodyDeclaration_list()
            .flatMap((d) => convertBodyDeclaration(src, d)),
        endLine: src.line(ctx.stop ?? ctx.start)
    };
}

function convertBodyDeclaration(src: SourceText, ctx: ClassBodyDeclarationContext): Member[] {
    const block = ctx.block();
    if (block)
        return [
            {
                kind: 'initializer',
                line: src.line(ctx.start),
                isStatic: ctx.STATIC() !== null,
                body: convertBlock(src, block)
            }
        ];
    const member = ctx.memberDeclaration();
    if (!member) return []; // a stray `;`
    return [convertMember(src, member, convertModifiers(src, ctx.modifier_list()))];
}

function convertMember(src: SourceText, ctx: MemberDeclarationContext, mods: Modifiers): Member {
    const method = ctx.methodDeclaration();
    if (method) return convertMethod(src, method, mods);
    const field = ctx.fieldDeclaration();
    if (field) {
        return {
            kind: 'field',
            line: src.line(field.start),
            ...mods,
            type: convertTypeRef(src, field.typeRef()),
            declarators: convertDeclarators(src, field.variableDeclarators())
        };
    }
    const property = ctx.propertyDeclaration();
    if (property) return convertProperty(src, property, mods);
    const ctor = ctx.constructorDeclaration();
    if (ctor) {
        return {
            kind: 'constructor',
            line: src.line(ctor.start),
            ...mods,
            params: convertParams(src, ctor.formalParameters()),
            body: convertBlock(src, ctor.block()),
            endLine: src.line(ctor.stop ?? ctor.start)
        };
    }
    return convertTypeIn(src, ctx, mods) ?? src.unsupported('member declaration', ctx);
}

function convertMethod(
    src: SourceText,
    ctx: MethodDeclarationContext | InterfaceMethodDeclarationContext,
    mods: Modifiers
): MethodDecl {
    const returnType = ctx.typeRef();
    const block = 'block' in ctx ? ctx.block() : null;
    return {
        kind: 'method',
        line: src.line(ctx.start),
        name: ctx.id().getText(),
        ...mods,
        returnType: returnType ? convertTypeRef(src, returnType) : voidType(),
        params: convertParams(src, ctx.formalParameters()),
        ...(block ? { body: convertBlock(src, block) } : {}),
        endLine: src.line(ctx.stop ?? ctx.start)
    };
}

function convertParams(src: SourceText, ctx: FormalParametersContext): Parameter[] {
    const list = ctx.formalParameterList();
    if (!list) return [];
    return list.formalParameter_list().map((p) => ({
        line: src.line(p.start),
        name: p.id().getText(),
        type: convertTypeRef(src, p.typeRef()),
        isFinal: checkOnlyFinal(src, p.modifier_list())
    }));
}

function convertProperty(src: SourceText, ctx: PropertyDeclarationContext, mods: Modifiers): PropertyDecl {
    let getter: Accessor | undefined;
    let setter: Accessor | undefined;
    for (const block of ctx.propertyBlock_list()) {
        const accessorMods = convertModifiers(src, block.modifier_list());
        if (accessorMods.annotations.length) src.unsupported('annotation on a property accessor', block);
        const get = block.getter();
        const set = block.setter();
        const body = (get ?? set)?.block();
        const accessor: Accessor = {
            line: src.line(block.start),
            modifiers: accessorMods.modifiers,
            ...(body ? { body: convertBlock(src, body) } : {})
        };
        if (get) {
            if (getter) src.invalid('A property has one get accessor', block);
            getter = accessor;
        } else {
            if (setter) src.invalid('A property has one set accessor', block);
            setter = accessor;
        }
    }
    return {
        kind: 'property',
        line: src.line(ctx.start),
        ...mods,
        type: convertTypeRef(src, ctx.typeRef()),
        name: ctx.id().getText(),
        ...(getter ? { getter } : {}),
        ...(setter ? { setter } : {})
    };
}

function convertInterface(src: SourceText, ctx: InterfaceDeclarationContext, mods: Modifiers): InterfaceDecl {
    const ext = ctx.typeList();
    return {
        kind: 'interface',
        line: src.line(ctx.start),
        name: ctx.id().getText(),
        ...mods,
        extends: ext ? convertTypeList(src, ext) : [],
        methods: ctx
            .interfaceBody()
            .interfaceMethodDeclaration_list()
            .map((m) => convertMethod(src, m, convertModifiers(src, m.modifier_list()))),
        endLine: src.line(ctx.stop ?? ctx.start)
    };
}

function convertEnum(src: SourceText, ctx: EnumDeclarationContext, mods: Modifiers): EnumDecl {
    return {
        kind: 'enum',
        line: src.line(ctx.start),
        name: ctx.id().getText(),
        ...mods,
        values:
            ctx
                .enumConstants()
                ?.id_list()
                .map((id) => id.getText()) ?? [],
        endLine: src.line(ctx.stop ?? ctx.start)
    };
}

/** `trigger Name on Object (before insert, ...) { statements }`. */
export function convertTrigger(src: SourceText, ctx: TriggerUnitContext): TriggerDecl {
    const [name, object] = ctx.id_list().map((id) => id.getText());
    const block = ctx.triggerBlock();
    const stmts = block.triggerBlockMember_list().map((member) => {
        const statement = member.statement();
        if (statement) return convertStmt(src, statement);
        // apex-parser reads `String s;` in a trigger body as a field declaration; the trigger body runs once per
        // invocation, so it is a local variable of that run (Apex Developer Guide › Triggers).
        const field = member.triggerMemberDeclaration()?.fieldDeclaration();
        if (field) {
            const local: LocalVarStmt = {
                kind: 'localVar',
                line: src.line(member.start),
                type: convertTypeRef(src, field.typeRef()),
                isFinal: checkOnlyFinal(src, member.modifier_list()),
                declarators: convertDeclarators(src, field.variableDeclarators())
            };
            return local;
        }
        // ast.ts gives a trigger a body of statements only; methods or classes declared in a trigger have no place.
        return src.unsupported('member declaration inside a trigger', member);
    });
    return {
        kind: 'trigger',
        line: src.line(ctx.start),
        name,
        object,
        events: ctx.triggerCase_list().map((c) => (c.children ?? []).map((t) => t.getText().toLowerCase()).join(' ')),
        body: { kind: 'block', line: src.line(block.start), stmts },
        endLine: src.line(ctx.stop ?? ctx.start)
    };
}
