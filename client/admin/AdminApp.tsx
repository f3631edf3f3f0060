import { useDevice, useDeviceSnapshot } from '../common/device/DeviceContext';
import { SignInForm } from '../common/ui/SignInForm';
import { AdminShell } from './shell/AdminShell';
import { adminOnly } from './signInGate';

/** Sign-in first, admins only; the shell and its screens after. */
export function AdminApp() {
  const device = useDevice();
  const { session, signedOutReason } = useDeviceSnapshot();
  if (!session || session.user.role !== 'admin') {
    return (
      <SignInForm
        title="Dabba Admin — sign in"
        notice={signedOutReason}
        onSignIn={(email, password) => device.signIn(email, password, adminOnly)}
      />
    );
  }
  return <AdminShell />;
}
