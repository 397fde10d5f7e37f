/**
 * Every Apex method the components import, as the emulated org implements it, keyed as the import
 * names it (`WebexAdminController.saveAccessToken`). The workbench build refuses a component import
 * that has no entry here.
 */
import { createWebexAdminController } from './apex/WebexAdminController.ts';
import { createWebexSalesforceAuthController } from './apex/WebexSalesforceAuthController.ts';
import { createWebexSiteController } from './apex/WebexSiteController.ts';
import { createWebexEnablementController } from './apex/WebexEnablementController.ts';
import { createWebexPeopleSearchController } from './apex/WebexPeopleSearchController.ts';
import { createWebexHealthCheckController } from './apex/WebexHealthCheckController.ts';
import { createWebexCallController } from './apex/WebexCallController.ts';
import { createWebexCallingAdminController } from './apex/WebexCallingAdminController.ts';
import { createWebexUserConnectionController } from './apex/WebexUserConnectionController.ts';
import { createWebexCallLogController } from './apex/WebexCallLogController.ts';
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
        WebexCallingAdminController: { ...createWebexCallingAdminController(org) },
        WebexCallLogController: { ...createWebexCallLogController(org) }
    };
    for (const [className, methods] of Object.entries(controllers)) {
        for (const [method, fn] of Object.entries(methods)) registry[`${className}.${method}`] = fn;
    }
    return registry;
}

/** The names the registry implements, without an org (for the build's check). */
export const IMPLEMENTED_APEX = Object.keys(createApexRegistry({} as EmulatedOrg));
