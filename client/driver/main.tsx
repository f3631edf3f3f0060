import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Device } from '../common/device/device';
import { DeviceProvider } from '../common/device/DeviceContext';
import { DriverProvider } from './model/DriverContext';
import { DriverDevice } from './model/driverDevice';
import { registerServiceWorker } from '../common/pwa/registerServiceWorker';
import '../common/ui/theme.css';
import './driver.css';
import { DriverApp } from './DriverApp';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

void registerServiceWorker();
const device = await Device.open('driver');
const driver = DriverDevice.attach(device);
createRoot(container).render(
  <StrictMode>
    <DeviceProvider device={device}>
      <DriverProvider driver={driver}>
        <DriverApp />
      </DriverProvider>
    </DeviceProvider>
  </StrictMode>,
);
