/**
 * The emulated org's WebexAdminAccess (classes/shared/WebexAdminAccess.cls): every admin controller
 * refuses a caller without the `Webex_Admin` custom permission.
 */
import { AuraHandledError } from '../apex-error.ts';
import type { EmulatedOrg } from '../org-state.ts';

export const ADMIN_PERMISSION = 'Webex_Admin';

/** Throws NOT_ADMIN unless the signed-in user holds the Webex Admin permission set. */
export function requireAdmin(org: EmulatedOrg): void {
    if (!org.hasCustomPermission(ADMIN_PERMISSION))
        throw new AuraHandledError('NOT_ADMIN', org.label('WebexError_NotAdmin'));
}
