import { useDevice, useDeviceSnapshot } from '../common/device/DeviceContext';
import { appGate } from '../common/session/appGate';
import { SignInForm } from '../common/ui/SignInForm';
import { AdminShell } from './shell/AdminShell';

/** Sign-in first, admins only; the shell and its screens after. */
export function AdminApp() {
  const device = useDevice();
  const { session, signedOutReason } = useDeviceSnapshot();
  if (!session || session.user.role !== 'admin') {
    return (
      <SignInForm
        title="Dabba Admin — sign in"
        notice={signedOutReason}
        onSignIn={(email, password) => device.signIn(email, password, appGate('admin'))}
      />
    );
  }
  return <AdminShell />;
}
