import { StrictMode } from 'react';
import { Device } from '../common/device/device';
import { DeviceProvider } from '../common/device/DeviceContext';
import { DriverProvider } from './model/DriverContext';
import { DriverDevice } from './model/driverDevice';
import { listenToWorker } from '../common/pwa/listenToWorker';
import { registerServiceWorker } from '../common/pwa/registerServiceWorker';
import { browserPush } from '../common/push/browserPush';
import { DevicePush } from '../common/push/devicePush';
import { PushProvider } from '../common/push/PushContext';
import 'leaflet/dist/leaflet.css';
import '../common/ui/theme.css';
import { openOrSayWhy } from '../common/ui/bootScreen';
import { renderApp } from '../common/ui/renderApp';
import './driver.css';
import './job/job.css';
import './shell/shell.css';
import './offers/offers.css';
import { DriverApp } from './DriverApp';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

void registerServiceWorker();
const device = await openOrSayWhy(container, () => Device.open('driver'));
const driver = DriverDevice.attach(device);
const push = DevicePush.attach(device, { app: 'driver', push: browserPush() });
listenToWorker({
  onStored: (docs) =>
    void device.storedElsewhere(docs).catch((error: unknown) => console.error('dabba: could not read a pushed order', error)),
});
renderApp(
  container,
  <StrictMode>
    <DeviceProvider device={device}>
      <PushProvider push={push}>
        <DriverProvider driver={driver}>
          <DriverApp />
        </DriverProvider>
      </PushProvider>
    </DeviceProvider>
  </StrictMode>,
);
