/**
 * Every Apex method the components import, keyed as the import names it (`WebexAdminController.saveAccessToken`):
 * the classes the Apex host runs from the package's own source (`HOSTED_APEX_CLASSES`, apex-host/README.md), and
 * the TypeScript stand-ins of the others until issue 13 moves them. The workbench build refuses a component import
 * that has no entry here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ParseCache } from '../../apex-runtime/src/syntax/parse-cache.ts';
import { createWebexAdminController } from './apex/WebexAdminController.ts';
import { createWebexSalesforceAuthController } from './apex/WebexSalesforceAuthController.ts';
import { createWebexSiteController } from './apex/WebexSiteController.ts';
import { createWebexEnablementController } from './apex/WebexEnablementController.ts';
import { createWebexPeopleSearchController } from './apex/WebexPeopleSearchController.ts';
import { createWebexHealthCheckController } from './apex/WebexHealthCheckController.ts';
import { createWebexCallController } from './apex/WebexCallController.ts';
import { createWebexCallingAdminController } from './apex/WebexCallingAdminController.ts';
import { createWebexUserConnectionController } from './apex/WebexUserConnectionController.ts';
import type { EmulatedOrg } from './org-state.ts';

export type ApexMethod = (params: never) => Promise<unknown>;

export function createApexRegistry(org: EmulatedOrg): Record<string, ApexMethod> {
    const registry: Record<string, ApexMethod> = {};
    const controllers: Record<string, Record<string, ApexMethod>> = {
        WebexAdminController: { ...createWebexAdminController(org) },
        WebexSalesforceAuthController: { ...createWebexSalesforceAuthController(org) },
        WebexSiteController: { ...createWebexSiteController(org) },
        WebexEnablementController: { ...createWebexEnablementController(org) },
        WebexPeopleSearchController: { ...createWebexPeopleSearchController(org) },
        WebexHealthCheckController: { ...createWebexHealthCheckController(org) },
        WebexUserConnectionController: { ...createWebexUserConnectionController(org) },
        WebexCallController: { ...createWebexCallController(org) },
        WebexCallingAdminController: { ...createWebexCallingAdminController(org) }
    };
    for (const [className, methods] of Object.entries(controllers)) {
        for (const [method, fn] of Object.entries(methods)) registry[`${className}.${method}`] = fn;
    }
    return registry;
}

/** The package's controllers the Apex host runs from their own source (no TypeScript stand-in). */
export const HOSTED_APEX_CLASSES: readonly string[] = ['WebexCallLogController'];

const CLASSES_DIR = path.resolve(import.meta.dirname, '..', '..', 'force-app', 'main', 'default', 'classes');

/** The `Class.method` names of the hosted classes' `@AuraEnabled` static methods, read from their source. */
export function hostedAuraMethods(): string[] {
    const files = new Map<string, string>();
    const walk = (dir: string): void => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            if (entry.isDirectory()) walk(path.join(dir, entry.name));
            else if (entry.name.endsWith('.cls')) files.set(entry.name.slice(0, -4), path.join(dir, entry.name));
        }
    };
    walk(CLASSES_DIR);
    const cache = new ParseCache();
    return HOSTED_APEX_CLASSES.flatMap((className) => {
        const file = files.get(className);
        if (!file) throw new Error(`The package has no Apex class ${className}`);
        const type = cache.parse(path.basename(file), readFileSync(file, 'utf8')).type;
        if (type.kind !== 'class') return [];
        return type.members
            .filter(
                (m) =>
                    m.kind === 'method' &&
                    m.modifiers.includes('static') &&
                    m.annotations.some((a) => a.name.toLowerCase() === 'auraenabled')
            )
            .map((m) => `${className}.${(m as { name: string }).name}`);
    });
}

/** The names the registry and the host implement, without an org (for the build's check). */
export const IMPLEMENTED_APEX = [...Object.keys(createApexRegistry({} as EmulatedOrg)), ...hostedAuraMethods()];
