import { useCallback, useState } from 'react';
import type { WebhookDelivery, WebhookId } from '../../../../shared/api/webhooks';
import type { EventId } from '../../../../shared/ids';
import { clockTime } from '../../../common/ui/clockTime';
import { ErrorLine } from '../../../common/ui/ErrorLine';
import { useAdminDevice } from '../../model/AdminContext';
import { fetchDeliveries, replayDelivery } from '../../model/api/webhooksApi';
import { useServerList } from '../../model/webhooks/useServerList';
import { hrefOf } from '../../shell/adminRoute';

/** How often the deliveries are asked for while shown: retries and replays are worth seeing land. */
const DELIVERIES_EVERY_MS = 3_000;

const COLUMNS = ['Event', 'Status', 'Attempts', 'Last error', 'Actions'] as const;

const STATUS_TEXT: Record<WebhookDelivery['status'], string> = { pending: 'Pending', delivered: 'Delivered', dead: 'Dead (gave up)' };

/** One webhook's deliveries, newest event first: how each went, why the last attempt failed, and Replay for dead ones. */
export function DeliveriesView({ id, url, online }: { readonly id: WebhookId; readonly url: string | null; readonly online: boolean }) {
  const admin = useAdminDevice();
  const read = useCallback((token: string) => fetchDeliveries(token, id), [id]);
  const { items, error, refresh } = useServerList(read, DELIVERIES_EVERY_MS);
  const [replayError, setReplayError] = useState<string | null>(null);
  const replay = async (eventId: EventId) => {
    const token = admin.token();
    if (!token) return;
    const answer = await replayDelivery(token, id, eventId);
    setReplayError(answer.ok ? null : answer.error.message);
    refresh();
  };

  return (
    <section className="webhooks" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">Deliveries{url ? ` to ${url}` : ''}</h2>
      <p>
        <a className="button button--quiet" href={hrefOf('webhooks')}>
          All webhooks
        </a>
      </p>
      <ErrorLine message={error ?? replayError} />
      {items === null ? (
        <p role="status">Reading…</p>
      ) : items.length === 0 ? (
        <p className="muted">No deliveries yet: events committed from now on that this webhook wants are listed here.</p>
      ) : (
        <div className="table-scroll">
          <table className="ops-table webhook-deliveries" aria-label="Deliveries">
            <thead>
              <tr>
                {COLUMNS.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.eventId} aria-label={`${d.type} of order ${d.orderId}`}>
                  <td>
                    {d.type}
                    <br />
                    <span className="muted">
                      order {d.orderId} · {clockTime(d.createdAt)}
                    </span>
                  </td>
                  <td>{STATUS_TEXT[d.status]}</td>
                  <td>{d.attempts}</td>
                  <td>{d.lastError ?? '—'}</td>
                  <td>
                    {d.status === 'dead' ? (
                      <button
                        type="button"
                        className="button"
                        disabled={!online}
                        aria-label={`Replay ${d.type} of order ${d.orderId}`}
                        onClick={() => void replay(d.eventId)}
                      >
                        Replay
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
