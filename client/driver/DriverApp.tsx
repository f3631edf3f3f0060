import { useDevice, useDeviceSnapshot } from '../common/device/DeviceContext';
import { SignInForm } from '../common/ui/SignInForm';
import { DriverShell } from './shell/DriverShell';

/** Sign-in first; someone signed in with another role on this phone is asked to sign out. */
export function DriverApp() {
  const device = useDevice();
  const { session, signedOutReason } = useDeviceSnapshot();
  if (!session) {
    return (
      <SignInForm title="Dabba Driver — sign in" notice={signedOutReason} onSignIn={(email, password) => device.signIn(email, password)} />
    );
  }
  if (session.user.role !== 'driver') {
    return (
      <main className="sign-in">
        <section className="card sign-in__form" role="alert">
          <h1>This app is for drivers</h1>
          <p>This phone is signed in to a {session.user.role} account. Sign out, then sign in with a driver account.</p>
          <button type="button" className="button button--primary" onClick={() => void device.signOut()}>
            Sign out
          </button>
        </section>
      </main>
    );
  }
  return <DriverShell driverId={session.user.id} />;
}
