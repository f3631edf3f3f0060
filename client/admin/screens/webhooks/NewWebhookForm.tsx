import { useState, type FormEvent } from 'react';
import { ALL_EVENTS, ORDER_EVENT_NAMES, type WebhookCreated, type WebhookEventFilter } from '../../../../shared/api/webhooks';
import { ErrorLine } from '../../../common/ui/ErrorLine';
import { useAdminDevice } from '../../model/AdminContext';
import { registerWebhook } from '../../model/api/webhooksApi';

const CHOICES: readonly WebhookEventFilter[] = [ALL_EVENTS, ...ORDER_EVENT_NAMES];
const labelOf = (filter: WebhookEventFilter): string => (filter === ALL_EVENTS ? 'Every event (*)' : filter);

/** Registers a webhook: where it lives and what it wants; the server checks the address and makes the secret. */
export function NewWebhookForm({ online, onCreated }: { readonly online: boolean; readonly onCreated: (created: WebhookCreated) => void }) {
  const admin = useAdminDevice();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<readonly WebhookEventFilter[]>([ALL_EVENTS]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggle = (filter: WebhookEventFilter, on: boolean) =>
    setEvents((chosen) => (on ? [...chosen, filter] : chosen.filter((f) => f !== filter)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const token = admin.token();
    if (!token) return;
    if (events.length === 0) return setError('Choose at least one event.');
    setBusy(true);
    const answer = await registerWebhook(token, { url: url.trim(), events: [...events] });
    setBusy(false);
    if (!answer.ok)
      return setError(answer.error.code === 'network' ? 'Not registered: this device cannot reach the server.' : answer.error.message);
    setError(null);
    setUrl('');
    setEvents([ALL_EVENTS]);
    onCreated(answer.value);
  };

  return (
    <form className="card webhook-form" aria-label="Register a webhook" onSubmit={(e) => void submit(e)}>
      <h3>Register a webhook</h3>
      <label className="field">
        <span>URL</span>
        <input
          type="url"
          required
          inputMode="url"
          placeholder="https://hooks.example.com/dabba"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
      </label>
      <fieldset className="webhook-events">
        <legend>Events</legend>
        {CHOICES.map((filter) => (
          <label key={filter} className="check">
            <input type="checkbox" checked={events.includes(filter)} onChange={(e) => toggle(filter, e.target.checked)} />
            {labelOf(filter)}
          </label>
        ))}
      </fieldset>
      <ErrorLine message={error} />
      <button type="submit" className="button button--primary" disabled={busy || !online}>
        Register webhook
      </button>
    </form>
  );
}
