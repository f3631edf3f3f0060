import { telUri } from '../../common/ui/telUri';
import { geoUri, mapsUrl, type Destination } from './navigation';

/**
 * Where to go and whom to call, as big links: `geo:` for the phone's navigation app, a web map
 * for phones without one, and the phone number.
 */
export function PlaceLinks({
  place,
  navigateLabel,
  callLabel,
  phone,
}: {
  readonly place: Destination;
  readonly navigateLabel: string;
  readonly callLabel: string;
  readonly phone: string;
}) {
  return (
    <div className="place-links">
      <a className="button button--big" href={geoUri(place)}>
        {navigateLabel}
      </a>
      <a
        className="button button--quiet"
        href={mapsUrl(place)}
        target="_blank"
        rel="noreferrer"
        aria-label={`${navigateLabel} on a web map`}
      >
        Web map
      </a>
      {phone ? (
        <a className="button button--big" href={telUri(phone)}>
          {callLabel}
        </a>
      ) : null}
    </div>
  );
}
