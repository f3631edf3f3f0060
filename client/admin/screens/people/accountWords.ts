import { ROLES, type Role } from '../../../../shared/roles';
import type { Choice } from '../../forms/SelectField';

export const ROLE_TEXT: Readonly<Record<Role, string>> = { admin: 'Admin', outlet: 'Outlet staff', driver: 'Driver' };
export const ROLE_CHOICES: readonly Choice<Role>[] = ROLES.map((r) => ({ value: r, label: ROLE_TEXT[r] }));

/** Why account buttons are greyed while offline; buttons point at it with aria-describedby. */
export const OFFLINE_REASON_ID = 'people-offline-reason';
export const OFFLINE_REASON = 'Changing accounts needs the network: nothing here is saved on this device to send later.';
