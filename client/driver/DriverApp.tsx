import { useDevice, useDeviceSnapshot } from '../common/device/DeviceContext';
import { appGate } from '../common/session/appGate';
import { SignInForm } from '../common/ui/SignInForm';
import { WrongAccount } from '../common/ui/WrongAccount';
import { DriverShell } from './shell/DriverShell';

/** Sign-in first, drivers only: anyone else is told which app is theirs. */
export function DriverApp() {
  const device = useDevice();
  const { session, signedOutReason } = useDeviceSnapshot();
  if (!session) {
    return (
      <SignInForm
        title="Dabba Driver — sign in"
        notice={signedOutReason}
        onSignIn={(email, password) => device.signIn(email, password, appGate('driver'))}
      />
    );
  }
  if (session.user.role !== 'driver') return <WrongAccount app="driver" role={session.user.role} onSignOut={() => void device.signOut()} />;
  return <DriverShell driverId={session.user.id} />;
}
