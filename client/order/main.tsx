import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'leaflet/dist/leaflet.css';
import '../common/ui/theme.css';
import './order.css';
import './menu/menu.css';
import './outlet/outlet.css';
import { OrderApp } from './OrderApp';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

createRoot(container).render(
  <StrictMode>
    <OrderApp />
  </StrictMode>,
);
