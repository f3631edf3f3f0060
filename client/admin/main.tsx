import { StrictMode } from 'react';
import { Device } from '../common/device/device';
import { DeviceProvider } from '../common/device/DeviceContext';
import { listenToWorker } from '../common/pwa/listenToWorker';
import { registerServiceWorker } from '../common/pwa/registerServiceWorker';
import { browserPush } from '../common/push/browserPush';
import { DevicePush } from '../common/push/devicePush';
import { PushProvider } from '../common/push/PushContext';
import { ADMIN_DB_NAME } from '../common/store/db';
import '../common/ui/theme.css';
import { openOrSayWhy } from '../common/ui/bootScreen';
import { renderApp } from '../common/ui/renderApp';
import './admin.css';
import { AdminApp } from './AdminApp';
import { AdminDevice } from './model/adminDevice';
import { AdminProvider } from './model/AdminContext';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

void registerServiceWorker();
const device = await openOrSayWhy(container, () => Device.open('admin', ADMIN_DB_NAME));
const admin = await AdminDevice.attach(device);
const push = DevicePush.attach(device, { app: 'admin', push: browserPush() });
listenToWorker({
  onStored: (docs) =>
    void device.storedElsewhere(docs).catch((error: unknown) => console.error('dabba: could not read a pushed alert', error)),
});
renderApp(
  container,
  <StrictMode>
    <DeviceProvider device={device}>
      <PushProvider push={push}>
        <AdminProvider admin={admin}>
          <AdminApp />
        </AdminProvider>
      </PushProvider>
    </DeviceProvider>
  </StrictMode>,
);
