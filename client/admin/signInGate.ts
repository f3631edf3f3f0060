import type { SignInGate } from '../common/device/device';

/** Where each role's own app is, so someone who came to the wrong one is sent to theirs. */
const OWN_APP: { readonly [R in 'outlet' | 'driver']: string } = {
  outlet: 'Outlet staff use the outlet app at /outlet/.',
  driver: 'Drivers use the driver app at /driver/.',
};

/** The admin app is for admin accounts only; anyone else is told which app is theirs, and is not signed in here. */
export const adminOnly: SignInGate = (user) =>
  user.role === 'admin' ? null : `This is the admin app, for admin accounts only. ${OWN_APP[user.role]}`;
