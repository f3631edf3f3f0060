import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Device } from '../common/device/device';
import { DeviceProvider } from '../common/device/DeviceContext';
import { registerServiceWorker } from '../common/pwa/registerServiceWorker';
import '../common/ui/theme.css';
import './admin.css';
import { AdminApp } from './AdminApp';
import { AdminDevice } from './model/adminDevice';
import { AdminProvider } from './model/AdminContext';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

/**
 * Its own store: the admin's device holds every order and outlet of the day, which must not mix
 * with an outlet tablet's or a driver's store in the same browser, nor share their sign-in.
 */
const ADMIN_DB = 'dabba-admin';

void registerServiceWorker();
const device = await Device.open('admin', ADMIN_DB);
const admin = await AdminDevice.attach(device);
createRoot(container).render(
  <StrictMode>
    <DeviceProvider device={device}>
      <AdminProvider admin={admin}>
        <AdminApp />
      </AdminProvider>
    </DeviceProvider>
  </StrictMode>,
);
