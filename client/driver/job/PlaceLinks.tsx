import { telUri } from '../../common/ui/telUri';
import { mapsPlatform, mapsUrl, navigateUrl, type Destination } from './navigation';

/** Read once: the phone does not change while the app runs. */
const PLATFORM = typeof navigator === 'undefined' ? 'other' : mapsPlatform(navigator.userAgent, navigator.maxTouchPoints);

/**
 * Where to go and whom to call, as big links: the phone's navigation app (Apple Maps on an iPhone,
 * `geo:` on Android, Google Maps elsewhere), a web map beside it where that is a different thing,
 * and the phone number.
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
  const navigate = navigateUrl(place, PLATFORM);
  const web = mapsUrl(place);
  return (
    <div className="place-links">
      {/* On a phone the OS hands the link to its maps app; elsewhere a new tab keeps the job open. */}
      <a className="button button--big" href={navigate} {...(PLATFORM === 'other' ? { target: '_blank', rel: 'noreferrer' } : {})}>
        {navigateLabel}
      </a>
      {web !== navigate ? (
        <a className="button button--quiet" href={web} target="_blank" rel="noreferrer" aria-label={`${navigateLabel} on a web map`}>
          Web map
        </a>
      ) : null}
      {phone ? (
        <a className="button button--big" href={telUri(phone)}>
          {callLabel}
        </a>
      ) : null}
    </div>
  );
}
