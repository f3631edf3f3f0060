import { useDevice, useDeviceSnapshot } from '../common/device/DeviceContext';
import { SignInForm } from '../common/session/SignInForm';
import { OrdersScreen } from './orders/OrdersScreen';

export function OutletApp() {
  const device = useDevice();
  const { session, signedOutReason } = useDeviceSnapshot();
  const outletId = session?.user.role === 'outlet' ? session.user.outletId : undefined;
  if (!session || !outletId) {
    return <SignInForm title="Dabba Outlet — sign in" notice={signedOutReason} onSignIn={(email, password) => device.signIn(email, password)} />;
  }
  return <OrdersScreen outletId={outletId} />;
}
