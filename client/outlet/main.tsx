import { StrictMode } from 'react';
import { Device } from '../common/device/device';
import { DeviceProvider } from '../common/device/DeviceContext';
import { listenToWorker } from '../common/pwa/listenToWorker';
import { registerServiceWorker } from '../common/pwa/registerServiceWorker';
import { browserPush } from '../common/push/browserPush';
import { DevicePush } from '../common/push/devicePush';
import { PushProvider } from '../common/push/PushContext';
import '../common/ui/theme.css';
import { openOrSayWhy } from '../common/ui/bootScreen';
import { renderApp } from '../common/ui/renderApp';
import './outlet.css';
import { OutletProvider } from './model/OutletContext';
import { OutletDevice } from './model/outletDevice';
import { OutletApp } from './OutletApp';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

void registerServiceWorker();
const device = await openOrSayWhy(container, () => Device.open('outlet'));
const outlet = OutletDevice.attach(device);
const push = DevicePush.attach(device, { app: 'outlet', push: browserPush() });
listenToWorker({
  onStored: (docs) =>
    void device.storedElsewhere(docs).catch((error: unknown) => console.error('dabba: could not read a pushed order', error)),
});
renderApp(
  container,
  <StrictMode>
    <DeviceProvider device={device}>
      <PushProvider push={push}>
        <OutletProvider outlet={outlet}>
          <OutletApp />
        </OutletProvider>
      </PushProvider>
    </DeviceProvider>
  </StrictMode>,
);
