import { useMemo } from 'react';
import { useDevice, useDeviceSnapshot } from '../common/device/DeviceContext';
import { appGate } from '../common/session/appGate';
import { sessionActor } from '../common/session/session';
import { SignInForm } from '../common/ui/SignInForm';
import { WrongAccount } from '../common/ui/WrongAccount';
import { OutletShell } from './shell/OutletShell';

/** Sign-in first, outlet staff only: a driver or admin is told which app is theirs rather than left at the form. */
export function OutletApp() {
  const device = useDevice();
  const { session, signedOutReason } = useDeviceSnapshot();
  // One actor object per sign-in: cards compare it by identity to skip re-rendering.
  const actor = useMemo(() => (session ? sessionActor(session.user) : null), [session]);
  if (!session) {
    return (
      <SignInForm
        title="Dabba Outlet — sign in"
        notice={signedOutReason}
        onSignIn={(email, password) => device.signIn(email, password, appGate('outlet'))}
      />
    );
  }
  if (actor?.role !== 'outlet') return <WrongAccount app="outlet" role={session.user.role} onSignOut={() => void device.signOut()} />;
  return <OutletShell outletId={actor.outletId} actor={actor} />;
}
