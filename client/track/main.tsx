import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'leaflet/dist/leaflet.css';
import { listenToWorker } from '../common/pwa/listenToWorker';
import { registerServiceWorker } from '../common/pwa/registerServiceWorker';
import '../common/ui/theme.css';
import './track.css';
import { TrackApp } from './TrackApp';
import { trackingTokenOf } from './trackPath';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

// The worker serves this page's shell offline, so a reload without network still shows the cached status.
void registerServiceWorker();
// A tapped notification about another order opens that order's page.
listenToWorker();
createRoot(container).render(
  <StrictMode>
    <TrackApp token={trackingTokenOf(window.location.pathname)} />
  </StrictMode>,
);
