import type { Role } from '../../../shared/roles';
import type { SignInGate } from '../device/device';

/** Each role's own app: its name as people say it, who it is for, and where it is. */
const APPS: { readonly [R in Role]: { readonly name: string; readonly for: string; readonly at: string } } = {
  admin: { name: 'admin app', for: 'admins', at: '/admin/' },
  outlet: { name: 'outlet app', for: 'outlet staff', at: '/outlet/' },
  driver: { name: 'driver app', for: 'drivers', at: '/driver/' },
};

/** Where someone of `role` should go instead: "Drivers use the driver app at /driver/." */
export function ownAppOf(role: Role): string {
  const own = APPS[role];
  return `${own.for.charAt(0).toUpperCase()}${own.for.slice(1)} use the ${own.name} at ${own.at}.`;
}

/** Why an account of another role is not let into this app, and which app is theirs. */
export function wrongAppText(app: Role, role: Role): string {
  return `This is the ${APPS[app].name}, for ${APPS[app].for} only. ${ownAppOf(role)}`;
}

/** An app for one role: anyone else is told which app is theirs, and is not signed in here. */
export const appGate =
  (app: Role): SignInGate =>
  (user) =>
    user.role === app ? null : wrongAppText(app, user.role);
