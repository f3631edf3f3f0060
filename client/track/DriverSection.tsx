import type { TrackView } from '../../shared/track';
import { clockTime } from '../common/ui/clockTime';
import { useNow } from '../common/ui/useNow';
import { arrivalText, driverNews, positionFreshness } from './delivery';
import { TrackMap } from './map/TrackMap';
import { trackPins } from './map/trackPins';

/**
 * Who brings the order, when it should arrive, and the map: the restaurant, the drop-off and — while it
 * is on its way — the driver between them, saying plainly when that position is old rather than
 * showing a stale dot as live.
 */
export function DriverSection({ view }: { readonly view: TrackView }) {
  const now = useNow(15_000);
  const news = driverNews(view);
  const arrival = arrivalText(view, clockTime);
  const freshness = news?.position ? positionFreshness(news.position.at, now, clockTime) : null;
  const pins = trackPins(view, freshness?.stale ?? false);
  if (!news && !arrival && pins.length === 0) return null;
  return (
    <section className="card track__driver" aria-labelledby="driver-title">
      <h2 id="driver-title">
        {news ? (news.onTheWay ? `${news.firstName} is on the way` : `${news.firstName} will bring your order`) : 'Delivery'}
      </h2>
      {arrival ? <p className="track__arrival">{arrival}</p> : null}
      {pins.length > 0 ? <TrackMap pins={pins} stale={freshness?.stale ?? false} /> : null}
      {news?.position && freshness ? (
        <p className={freshness.stale ? 'track__seen track__seen--stale' : 'track__seen'} role="status">
          {freshness.text}
          {freshness.stale ? ` — ${news.firstName}’s phone may have lost signal; the dot shows where they were.` : ''}
        </p>
      ) : null}
      {news?.onTheWay && !news.position ? <p className="muted">{news.firstName}’s location is not available yet.</p> : null}
    </section>
  );
}
