import { hoursLine } from '../../../shared/catalog/hoursLine';
import { estimateText, timeEstimate } from '../../../shared/catalog/timeEstimate';
import type { OutletSummary } from '../api/catalogApi';
import { outletPath } from '../route';

/**
 * One restaurant in the list: where it is, whether it is open (and until or from when, in its own
 * clock), and how long an order takes, as delivery apps list them. Delivery is estimated with no pin
 * yet (a typical ride); an outlet that does not deliver is estimated for pickup.
 */
export function OutletCard({ summary, now }: { readonly summary: OutletSummary; readonly now: number }) {
  const { outlet, ordering } = summary;
  const open = ordering?.open ?? true;
  // A pause is the staff's word, not the hours; without a profile the server's reason is all there is.
  const serverSays = ordering && !ordering.open && (ordering.code === 'outlet_paused' || !outlet) ? ordering.message : null;
  const status = serverSays ?? (outlet ? hoursLine(outlet, now) : null);
  const type = outlet?.orderTypes.includes('delivery') ? 'delivery' : outlet?.orderTypes.includes('pickup') ? 'pickup' : 'dine-in';
  const estimate =
    outlet && open
      ? estimateText(
          timeEstimate({
            type,
            prepMinutes: outlet.defaultPrepMinutes,
            busyMinutes: summary.busyMinutes,
            outlet: { lat: outlet.lat, lng: outlet.lng },
            dropoff: null,
          }),
        )
      : null;
  return (
    <a className="card outlet-link" href={outletPath(summary.id)}>
      <span className="outlet-link__name">{summary.name}</span>
      {outlet?.address ? <span className="muted">{outlet.address}</span> : null}
      {status ? <span className={open ? 'outlet-link__open' : 'notice'}>{status}</span> : null}
      {estimate ? <span className="outlet-link__estimate">{estimate}</span> : null}
    </a>
  );
}
