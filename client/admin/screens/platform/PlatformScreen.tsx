import { useDeviceSnapshot } from '../../../common/device/DeviceContext';
import { clockTime } from '../../../common/ui/clockTime';
import { ErrorLine } from '../../../common/ui/ErrorLine';
import { useNow } from '../../../common/ui/useNow';
import { PLATFORM_EVERY_MS, usePlatform } from '../../model/platform/usePlatform';
import { DevicesByRole, LiveDeviceList } from './DeviceTables';
import { HealthFigures } from './HealthFigures';
import { OutletBacklogTable } from './OutletBacklogTable';

/** A reading older than three missed polls is shown as stale. */
const STALE_AFTER_MS = 3 * PLATFORM_EVERY_MS;

/**
 * Platform health: who is connected (by role and app, and each device), presence ok or degraded, each
 * outlet's unsynced changes, and the server's figures, asked every few seconds while shown. Offline or
 * stale, it says so first.
 */
export function PlatformScreen() {
  const { platform, presence, rates, fetchedAt, error } = usePlatform();
  const online = useDeviceSnapshot().connection.status === 'online';
  const now = useNow(1_000);
  const stale = fetchedAt !== null && now - fetchedAt > STALE_AFTER_MS;

  return (
    <section className="numbers" aria-labelledby="platform-title">
      <h2 id="platform-title">Platform health</h2>
      {!online || stale ? (
        <p className="notice" role="status">
          {fetchedAt === null
            ? 'No reading yet: this screen needs the network.'
            : `Stale: the last reading is from ${clockTime(fetchedAt)}${online ? ', and none newer has come' : ', and this device is offline'}.`}
        </p>
      ) : null}
      <ErrorLine message={error} />
      {platform ? (
        <>
          <p className={stale ? 'notice' : 'muted'}>
            Read at {clockTime(fetchedAt ?? platform.at)}, every {PLATFORM_EVERY_MS / 1000} s · node {platform.node}, up since{' '}
            {clockTime(platform.startedAt)}
          </p>
          <p className={platform.presence === 'ok' ? 'muted' : 'notice'}>
            Presence:{' '}
            <strong>{platform.presence === 'ok' ? 'ok' : 'degraded — Redis is unreachable, only this node’s devices are counted'}</strong>
          </p>
          <p className={platform.limits === 'ok' ? 'muted' : 'notice'}>
            Rate limits:{' '}
            <strong>
              {platform.limits === 'ok'
                ? 'shared by every node'
                : 'degraded — Redis is unreachable, this node counts sign-ins and orders alone'}
            </strong>
          </p>
          <HealthFigures platform={platform} rates={rates} />
          <h3>Unsynced changes by outlet</h3>
          <p className="muted">
            A change an outlet’s device made that the server has not received is only on that device. Reported: what its devices said
            (connected ones report within seconds). At most: counting what devices not connected now may have changed since they were last
            heard.
          </p>
          <OutletBacklogTable platform={platform} />
          <h3>Connected devices</h3>
          <DevicesByRole devices={platform.devices} />
          {presence ? <LiveDeviceList presence={presence} /> : null}
        </>
      ) : online ? (
        <p role="status">Reading…</p>
      ) : null}
    </section>
  );
}
