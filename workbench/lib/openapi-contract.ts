/**
 * Validates JSON bodies against the public Webex OpenAPI contract (../shared/specs/webex-openapi):
 * the response schema of a path, method and status. OpenAPI 3.0 schemas are JSON Schema with a few
 * extra keywords (`example`, `nullable`), which Ajv accepts in non-strict mode.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';

export const SPECS_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'specs', 'webex-openapi');

interface OpenApiSpec {
    paths: Record<
        string,
        Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>
    >;
}

export class WebexContract {
    private readonly ajv = new Ajv({ strict: false, allErrors: true });
    private readonly specs: Array<{ id: string; spec: OpenApiSpec }> = [];
    private readonly cache = new Map<string, ValidateFunction | null>();

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

    /** Errors of `body` against the response schema, or [] when valid; throws if the contract has no such response. */
    validateResponse(method: string, pathname: string, status: number, body: unknown): string[] {
        const found = this.templateFor(pathname);
        if (!found) throw new Error(`the Webex contract has no path for ${pathname}`);
        const key = `${found.id} ${method} ${found.template} ${status}`;
        if (!this.cache.has(key)) {
            const spec = this.specs.find((s) => s.id === found.id)?.spec;
            const operation = spec?.paths[found.template]?.[method.toLowerCase()];
            if (!operation) throw new Error(`the Webex contract has no ${method} ${found.template}`);
            const response = operation.responses?.[String(status)];
            if (!response)
                throw new Error(`the Webex contract has no ${status} response for ${method} ${found.template}`);
            const pointer = `${found.id}#/paths/${found.template.replace(/~/g, '~0').replace(/\//g, '~1')}/${method.toLowerCase()}/responses/${status}/content/application~1json/schema`;
            this.cache.set(
                key,
                response.content?.['application/json']?.schema ? this.ajv.compile({ $ref: pointer }) : null
            );
        }
        const validate = this.cache.get(key);
        if (!validate) return [];
        return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
    }
}
