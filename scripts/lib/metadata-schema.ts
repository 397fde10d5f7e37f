/**
 * The Metadata API's shape, read from @salesforce/types (TypeScript types generated from the
 * current Metadata WSDL): for each metadata type, its elements and what each holds. Lets the gate
 * reject a `-meta.xml` element its type does not know, or a value outside an enumeration, which
 * `sf project convert source` lets through.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ROOT } from './project.ts';

/** What an element holds: another complex type, a primitive, or one of a fixed set of values. */
export type ElementKind =
    | { kind: 'complex'; type: string }
    | { kind: 'boolean' }
    | { kind: 'number' }
    | { kind: 'enum'; values: string[] }
    | { kind: 'any' };

export type MetadataSchema = Map<string, Map<string, ElementKind>>;

/** Reads the WSDL-generated types into a map: type name → element name → kind. */
export function loadMetadataSchema(): MetadataSchema {
    // The package exports no path to its .d.ts files, so read it from node_modules directly.
    const file = path.join(ROOT, 'node_modules/@salesforce/types/lib/metadata.d.ts');
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const aliases = new Map<string, ts.TypeNode>();
    for (const statement of source.statements) {
        if (ts.isTypeAliasDeclaration(statement)) aliases.set(statement.name.text, statement.type);
    }

    const kindOf = (node: ts.TypeNode): ElementKind => {
        if (ts.isArrayTypeNode(node)) return kindOf(node.elementType);
        if (ts.isParenthesizedTypeNode(node)) return kindOf(node.type);
        if (node.kind === ts.SyntaxKind.BooleanKeyword) return { kind: 'boolean' };
        if (node.kind === ts.SyntaxKind.NumberKeyword) return { kind: 'number' };
        if (
            ts.isUnionTypeNode(node) &&
            node.types.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal))
        ) {
            return {
                kind: 'enum',
                values: node.types.map((t) => ((t as ts.LiteralTypeNode).literal as ts.StringLiteral).text)
            };
        }
        if (ts.isTypeReferenceNode(node)) {
            const name = node.typeName.getText(source);
            const target = aliases.get(name);
            if (!target) return { kind: 'any' };
            if (ts.isTypeLiteralNode(target) || ts.isIntersectionTypeNode(target))
                return { kind: 'complex', type: name };
            return kindOf(target);
        }
        return { kind: 'any' };
    };

    const schema: MetadataSchema = new Map();
    const elementsOf = (node: ts.TypeNode, into: Map<string, ElementKind>): void => {
        if (ts.isIntersectionTypeNode(node)) node.types.forEach((part) => elementsOf(part, into));
        else if (ts.isTypeReferenceNode(node)) {
            const target = aliases.get(node.typeName.getText(source));
            if (target) elementsOf(target, into);
        } else if (ts.isTypeLiteralNode(node)) {
            for (const member of node.members) {
                if (ts.isPropertySignature(member) && member.type)
                    into.set(member.name.getText(source), kindOf(member.type));
            }
        }
    };
    for (const [name, node] of aliases) {
        if (!ts.isTypeLiteralNode(node) && !ts.isIntersectionTypeNode(node)) continue;
        const elements = new Map<string, ElementKind>();
        elementsOf(node, elements);
        schema.set(name, elements);
    }
    return schema;
}
