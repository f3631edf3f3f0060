import type { UserId } from '../../shared/ids';

/** Who called an admin-or-service endpoint: a signed-in admin, or another system holding DABBA_SERVICE_TOKEN. */
export type AdminOrService = { readonly kind: 'admin'; readonly id: UserId } | { readonly kind: 'service' };
