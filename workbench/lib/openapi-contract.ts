/**
 * Validates JSON bodies against the public Webex OpenAPI contract (specs/webex-openapi):
 * the response schema of a path, method and status, and the request body schema. OpenAPI 3.0 schemas
 * are JSON Schema with a few extra keywords (`example`, `nullable`), which Ajv accepts in non-strict
 * mode. The contract's schemas never forbid extra fields, so `undeclaredFields` also reports any
 * field the contract does not name: a misspelt field name is a broken contract too.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';

export const SPECS_DIR = path.resolve(import.meta.dirname, '..', '..', 'specs', 'webex-openapi');

type Content = Record<string, { schema?: unknown }>;

interface Operation {
    responses?: Record<string, { content?: Content }>;
    requestBody?: { content?: Content };
}

interface OpenApiSpec {
    paths: Record<string, Record<string, Operation>>;
}

type Schema = Record<string, unknown>;

/** The JSON media type of a content map: Webex writes both `application/json` and `application/json;charset=UTF-8`. */
function jsonMediaType(content: Content | undefined): string | undefined {
    return Object.keys(content ?? {}).find((type) => type.toLowerCase().startsWith('application/json'));
}

/** A JSON pointer segment (RFC 6901). */
function escapePointer(segment: string): string {
    return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export class WebexContract {
    private readonly ajv = new Ajv({ strict: false, allErrors: true });
    private readonly specs: Array<{ id: string; spec: OpenApiSpec }> = [];
    private readonly cache = new Map<string, { validate: ValidateFunction; schema: Schema; specId: string } | null>();

    constructor(files: string[] = ['webex-messaging.json', 'webex-meeting.json']) {
        for (const file of files) {
            const full = path.join(SPECS_DIR, file);
            if (!existsSync(full)) continue;
            const spec = JSON.parse(readFileSync(full, 'utf8')) as OpenApiSpec;
            this.ajv.addSchema(spec as object, file);
            this.specs.push({ id: file, spec });
        }
    }

    /** The spec's path template matching a concrete `/v1/...` path (`/webhooks/{webhookId}`). */
    templateFor(pathname: string): { id: string; template: string } | null {
        const bare = pathname.replace(/^\/v1/, '');
        for (const { id, spec } of this.specs) {
            for (const template of Object.keys(spec.paths)) {
                const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
                if (pattern.test(bare) && (template.includes('{') ? !Object.keys(spec.paths).includes(bare) : true))
                    return { id, template };
            }
        }
        return null;
    }

    /** Whether the contract describes this method on this path (call control and OAuth are not in it). */
    has(method: string, pathname: string): boolean {
        const found = this.templateFor(pathname);
        if (!found) return false;
        const spec = this.specs.find((s) => s.id === found.id)?.spec;
        return Boolean(spec?.paths[found.template]?.[method.toLowerCase()]);
    }

    /** Errors of `body` against the response schema, or [] when valid; throws if the contract has no such response. */
    validateResponse(method: string, pathname: string, status: number, body: unknown): string[] {
        const compiled = this.compiled(
            method,
            pathname,
            (operation, pointer) => {
                const response = operation.responses?.[String(status)];
                if (!response)
                    throw new Error(`the Webex contract has no ${status} response for ${method} ${pathname}`);
                const type = jsonMediaType(response.content);
                return type ? `${pointer}/responses/${status}/content/${escapePointer(type)}/schema` : null;
            },
            `response ${status}`
        );
        return this.check(compiled, body);
    }

    /** Errors of a request body against the operation's request schema (including undeclared fields). */
    validateRequest(method: string, pathname: string, body: unknown): string[] {
        const compiled = this.compiled(
            method,
            pathname,
            (operation, pointer) => {
                const type = jsonMediaType(operation.requestBody?.content);
                return type ? `${pointer}/requestBody/content/${escapePointer(type)}/schema` : null;
            },
            'request'
        );
        return [
            ...this.check(compiled, body),
            ...(compiled ? this.walk(compiled.specId, compiled.schema, body, '') : [])
        ];
    }

    /** Fields of a response body the response schema does not declare (`/items/0/hostKeyy`). */
    undeclaredFields(method: string, pathname: string, status: number, body: unknown): string[] {
        this.validateResponse(method, pathname, status, body);
        const found = this.templateFor(pathname);
        const compiled = this.cache.get(`${found?.id} ${method} ${found?.template} response ${status}`);
        return compiled ? this.walk(compiled.specId, compiled.schema, body, '') : [];
    }

    private compiled(
        method: string,
        pathname: string,
        pointerOf: (operation: Operation, operationPointer: string) => string | null,
        what: string
    ): { validate: ValidateFunction; schema: Schema; specId: string } | null {
        const found = this.templateFor(pathname);
        if (!found) throw new Error(`the Webex contract has no path for ${pathname}`);
        const key = `${found.id} ${method} ${found.template} ${what}`;
        if (!this.cache.has(key)) {
            const spec = this.specs.find((s) => s.id === found.id)?.spec;
            const operation = spec?.paths[found.template]?.[method.toLowerCase()];
            if (!operation) throw new Error(`the Webex contract has no ${method} ${found.template}`);
            const pointer = pointerOf(operation, `#/paths/${escapePointer(found.template)}/${method.toLowerCase()}`);
            this.cache.set(
                key,
                pointer
                    ? {
                          validate: this.ajv.compile({ $ref: `${found.id}${pointer}` }),
                          schema: this.resolve(found.id, { $ref: pointer }),
                          specId: found.id
                      }
                    : null
            );
        }
        return this.cache.get(key) ?? null;
    }

    private check(compiled: { validate: ValidateFunction } | null, body: unknown): string[] {
        if (!compiled) return [];
        const { validate } = compiled;
        return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
    }

    /** Follows `$ref`s (`#/components/schemas/Person`) inside one spec. */
    private resolve(specId: string, schema: unknown): Schema {
        let current = schema as Schema;
        const spec = this.specs.find((s) => s.id === specId)?.spec as unknown as Schema;
        for (let hops = 0; current && typeof current.$ref === 'string' && hops < 20; hops += 1) {
            let target: unknown = spec;
            for (const segment of (current.$ref as string).replace(/^#\//, '').split('/'))
                target = (target as Schema)[decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~')];
            current = target as Schema;
        }
        return current ?? {};
    }

    /** Every property path of `value` the schema (with its allOf/oneOf/anyOf branches) does not declare. */
    private walk(specId: string, schema: unknown, value: unknown, at: string): string[] {
        const resolved = this.resolve(specId, schema);
        if (Array.isArray(value)) {
            const items = resolved.items;
            return items ? value.flatMap((item, i) => this.walk(specId, items, item, `${at}/${i}`)) : [];
        }
        if (!value || typeof value !== 'object') return [];
        const branches = [
            resolved,
            ...(['allOf', 'oneOf', 'anyOf'] as const).flatMap((k) => (resolved[k] as unknown[]) ?? [])
        ].map((branch) => this.resolve(specId, branch));
        const properties: Record<string, unknown> = Object.assign(
            {},
            ...branches.map((b) => (b.properties as Schema) ?? {})
        );
        const open = branches.some((b) => b.additionalProperties) || !Object.keys(properties).length;
        return Object.entries(value as Schema).flatMap(([key, child]) => {
            if (key in properties) return this.walk(specId, properties[key], child, `${at}/${key}`);
            return open ? [] : [`${at}/${key}`];
        });
    }
}
