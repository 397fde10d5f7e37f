/**
 * The natives over the org's schema, users and metadata (Schema and describe, SObject methods, Label,
 * UserInfo, FeatureManagement, Security), registered with the core natives. Those that read the
 * running user or the store need an org context (`installOrgContext`).
 */
import type { NativeClass } from './registry.ts';
import { SCHEMA_NATIVES } from './schema.ts';
import { SObjectNative } from './sobject-methods.ts';
import { LabelNative } from './label.ts';
import { UserInfoNative } from './userinfo.ts';
import { FeatureManagementNative } from './feature-management.ts';
import { SecurityNative, SObjectAccessDecisionNative } from './security.ts';
import { OrgLimitNative, OrgLimitsNative } from './org-limits.ts';

/** The org natives, in registration order. */
export const ORG_NATIVES: readonly NativeClass[] = [
    ...SCHEMA_NATIVES,
    SObjectNative,
    LabelNative,
    UserInfoNative,
    FeatureManagementNative,
    SecurityNative,
    SObjectAccessDecisionNative,
    OrgLimitsNative,
    OrgLimitNative
];
