import { useMemo } from 'react';
import { useDevice, useDeviceSnapshot } from '../common/device/DeviceContext';
import { sessionActor } from '../common/session/session';
import { SignInForm } from '../common/ui/SignInForm';
import { OutletShell } from './shell/OutletShell';

export function OutletApp() {
  const device = useDevice();
  const { session, signedOutReason } = useDeviceSnapshot();
  // One actor object per sign-in: cards compare it by identity to skip re-rendering.
  const actor = useMemo(() => (session ? sessionActor(session.user) : null), [session]);
  if (!session || actor?.role !== 'outlet') {
    return (
      <SignInForm title="Dabba Outlet — sign in" notice={signedOutReason} onSignIn={(email, password) => device.signIn(email, password)} />
    );
  }
  return <OutletShell outletId={actor.outletId} actor={actor} />;
}
