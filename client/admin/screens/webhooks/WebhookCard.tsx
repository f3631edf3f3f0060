import { useState } from 'react';
import type { ListedWebhook, WebhookSecretRotated } from '../../../../shared/api/webhooks';
import type { Answer } from '../../../common/api/http';
import { ErrorLine } from '../../../common/ui/ErrorLine';
import { useAdminDevice } from '../../model/AdminContext';
import { deleteWebhook, rotateWebhookSecret } from '../../model/api/webhooksApi';
import { hrefOf } from '../../shell/adminRoute';

const when = (epochMs: number): string => new Date(epochMs).toLocaleString();

/** One webhook: where, what, since when; its deliveries, a new secret, or removing it (after a confirm). */
export function WebhookCard({
  webhook,
  online,
  now,
  onRotated,
  onDeleted,
}: {
  readonly webhook: ListedWebhook;
  readonly online: boolean;
  readonly now: number;
  readonly onRotated: (rotated: WebhookSecretRotated) => void;
  readonly onDeleted: () => void;
}) {
  const admin = useAdminDevice();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async <T,>(call: (token: string) => Promise<Answer<T>>): Promise<Answer<T> | null> => {
    const token = admin.token();
    if (!token) return null;
    setBusy(true);
    const answer = await call(token);
    setBusy(false);
    setError(answer.ok ? null : answer.error.message);
    return answer;
  };
  const rotate = async () => {
    const answer = await act((token) => rotateWebhookSecret(token, webhook.id));
    if (answer?.ok) onRotated(answer.value);
  };
  const remove = async () => {
    const answer = await act((token) => deleteWebhook(token, webhook.id));
    if (answer?.ok) onDeleted();
  };
  const graceUntil = webhook.previousSecretUntil !== null && webhook.previousSecretUntil > now ? webhook.previousSecretUntil : null;

  return (
    <li className="card webhook-card" aria-label={webhook.url}>
      <p className="webhook-card__url">{webhook.url}</p>
      <p className="muted">
        Events: {webhook.events.join(', ')} · registered {when(webhook.createdAt)}
        {graceUntil ? ` · the previous secret also signs until ${when(graceUntil)}` : ''}
      </p>
      <p className={webhook.failing + webhook.dead > 0 ? 'notice' : 'muted'}>
        {webhook.failing} retrying after a failure · {webhook.dead} dead
      </p>
      <div className="webhook-actions">
        <a className="button" href={hrefOf('webhooks', webhook.id)} aria-label={`Deliveries to ${webhook.url}`}>
          Deliveries
        </a>
        <button
          type="button"
          className="button"
          disabled={!online || busy}
          onClick={() => void rotate()}
          aria-label={`Rotate the secret of ${webhook.url}`}
        >
          Rotate secret
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={!online || busy}
          onClick={() => setConfirming(true)}
          aria-label={`Delete ${webhook.url}…`}
        >
          Delete…
        </button>
      </div>
      {confirming ? (
        <div className="confirm" role="group" aria-label={`Delete ${webhook.url}?`}>
          <p>Delete this webhook? Its deliveries go with it, sent or not, and it receives nothing more.</p>
          <button type="button" className="button button--danger" disabled={!online || busy} onClick={() => void remove()}>
            Delete webhook
          </button>
          <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      ) : null}
      <ErrorLine message={error} />
    </li>
  );
}
