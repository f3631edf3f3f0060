import { lazy, Suspense } from 'react';
import type { TrackingToken } from '../../shared/ids';
import { isTerminal } from '../../shared/order/status';
import { Receipt } from './Receipt';
import { clockTime } from '../common/ui/clockTime';
import { DeliveryCode } from './DeliveryCode';
import { DriverSection } from './DriverSection';
import { outletWaitingText } from './outletWaiting';
import { headline, promise } from './timeline';
import { Timeline } from './Timeline';
import type { Tracking } from './useTracking';

/** "Notify me" and its model load after the page: the status a customer came for shows first, within the budget. */
const TrackNotify = lazy(() => import('./notify/TrackNotify').then((m) => ({ default: m.TrackNotify })));
/** Only a new order can be cancelled, so the cancel and its rules are loaded after the status too. */
const CancelOrder = lazy(() => import('./cancel/CancelOrder').then((m) => ({ default: m.CancelOrder })));

export const OFFLINE_TRACK_TEXT = 'Offline — showing the last known status';

function ConnectionLine({ tracking }: { readonly tracking: Tracking }) {
  const { status } = tracking.connection;
  if (status === 'online')
    return (
      <div className="banner banner--ok" role="status">
        Live — this page updates by itself
      </div>
    );
  if (status === 'connecting') {
    return (
      <div className="banner banner--warn" role="status">
        {tracking.view === null ? 'Connecting…' : 'Connecting — showing the last known status'}
      </div>
    );
  }
  const since = tracking.savedAt ? ` (as of ${clockTime(tracking.savedAt)})` : '';
  return (
    <div className="banner banner--warn" role="status" data-connection={status}>
      <span className="banner__text">
        {OFFLINE_TRACK_TEXT}
        {since}
      </span>
    </div>
  );
}

/** The order's progress, promise, "Notify me", outlet contact, items and total. */
export function TrackScreen({ tracking, token }: { readonly tracking: Tracking; readonly token: TrackingToken }) {
  const { view } = tracking;
  return (
    <>
      <ConnectionLine tracking={tracking} />
      <main className="app-main track">
        {view === null ? (
          <p role="status">Loading your order…</p>
        ) : (
          <>
            <header className="track__head">
              <p className="muted">Your order from {view.outletName}</p>
              <h1 aria-live="polite">{headline(view)}</h1>
              {promise(view, clockTime) ? <p className="track__promise">{promise(view, clockTime)}</p> : null}
              {outletWaitingText(view) ? (
                <p className="banner banner--warn track__waiting" role="status">
                  {outletWaitingText(view)}
                </p>
              ) : null}
            </header>
            <Suspense fallback={null}>
              <CancelOrder view={view} token={token} />
              <TrackNotify token={token} finished={isTerminal(view.status)} />
            </Suspense>
            <DeliveryCode view={view} />
            <DriverSection view={view} />
            <Timeline view={view} />
            <section className="card track__outlet" aria-labelledby="outlet-title">
              <h2 id="outlet-title">{view.outletName}</h2>
              {view.outletPhone ? (
                <a className="button" href={`tel:${view.outletPhone.replace(/[^+\d]/g, '')}`}>
                  Call {view.outletPhone}
                </a>
              ) : null}
            </section>
            <Receipt view={view} />
          </>
        )}
      </main>
    </>
  );
}
