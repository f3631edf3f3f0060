import { useEffect, useState } from 'react';
import { WebhookIdSchema } from '../../../../shared/api/webhooks';
import { useDeviceSnapshot } from '../../../common/device/DeviceContext';
import { ErrorLine } from '../../../common/ui/ErrorLine';
import { useNow } from '../../../common/ui/useNow';
import { fetchWebhooks } from '../../model/api/webhooksApi';
import { useServerList } from '../../model/webhooks/useServerList';
import type { ScreenProps } from '../../shell/screenProps';
import { DeliveriesView } from './DeliveriesView';
import { NewWebhookForm } from './NewWebhookForm';
import { SecretOnce } from './SecretOnce';
import { WebhookCard } from './WebhookCard';

/** The list is asked for again now and then, for webhooks another admin registered. */
const WEBHOOKS_EVERY_MS = 30_000;

interface ShownSecret {
  readonly label: string;
  readonly secret: string;
}

/**
 * Webhooks: register one (URL and events), its secret shown once with a copy button, rotate a secret,
 * delete one, and each webhook's deliveries with Replay for dead ones (`#/webhooks/<id>`). Server-only
 * data: nothing of it is kept on the device.
 */
export default function WebhooksScreen({ param }: ScreenProps) {
  const online = useDeviceSnapshot().connection.status === 'online';
  const now = useNow(60_000);
  const { items, error, refresh } = useServerList(fetchWebhooks, WEBHOOKS_EVERY_MS);
  const [secret, setSecret] = useState<ShownSecret | null>(null);
  const selected = param === null ? null : WebhookIdSchema.safeParse(param);
  // Back from a webhook's deliveries: its counts have likely moved since the list was last asked for.
  useEffect(refresh, [param, refresh]);

  if (selected?.success)
    return <DeliveriesView id={selected.data} url={items?.find((w) => w.id === selected.data)?.url ?? null} online={online} />;

  return (
    <section className="webhooks" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">Webhooks</h2>
      <p className="muted">
        Each order event the server commits is POSTed, signed, to the webhooks that want it; failed deliveries are retried, then kept as
        dead letters to replay.
      </p>
      {online ? null : <p className="notice">Webhooks are the server’s: this screen needs the network.</p>}
      {secret ? <SecretOnce label={secret.label} secret={secret.secret} onDone={() => setSecret(null)} /> : null}
      <NewWebhookForm
        online={online}
        onCreated={(created) => {
          setSecret({ label: 'The new webhook’s secret', secret: created.secret });
          refresh();
        }}
      />
      <ErrorLine message={error} />
      {items === null ? null : items.length === 0 ? (
        <p className="muted">No webhooks yet.</p>
      ) : (
        <ul className="webhook-list" aria-label="Webhooks">
          {items.map((webhook) => (
            <WebhookCard
              key={webhook.id}
              webhook={webhook}
              online={online}
              now={now}
              onRotated={(rotated) => {
                setSecret({ label: `The new secret of ${webhook.url}`, secret: rotated.secret });
                refresh();
              }}
              onDeleted={refresh}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
