import { useState, type FormEvent } from 'react';
import type { NewUser } from '../../../../shared/api/adminUsers';
import type { OutletId } from '../../../../shared/ids';
import type { Role } from '../../../../shared/roles';
import { ErrorLine } from '../../../common/ui/ErrorLine';
import { outletChoices, SelectField } from '../../forms/SelectField';
import { useAdminDevice, useOutlets } from '../../model/AdminContext';
import { OFFLINE_REASON_ID, ROLE_CHOICES, ROLE_TEXT } from './accountWords';

interface Draft {
  readonly role: Role;
  readonly name: string;
  readonly email: string;
  readonly password: string;
  readonly outletId: OutletId | null;
  readonly phone: string;
}

const EMPTY: Draft = { role: 'outlet', name: '', email: '', password: '', outletId: null, phone: '' };

/** The request for the role chosen; only the outlet is checked here (the rest is the server's to judge and explain). */
function requestOf(draft: Draft): NewUser | string {
  const common = { name: draft.name, email: draft.email, password: draft.password };
  if (draft.role === 'admin') return { role: 'admin', ...common };
  if (draft.role === 'driver') return { role: 'driver', ...common, phone: draft.phone };
  return draft.outletId ? { role: 'outlet', ...common, outletId: draft.outletId } : 'Choose the outlet they work at.';
}

/** Adds an account: an admin, staff of one outlet, or a driver (who starts off shift). */
export function NewPersonForm({ online, onDone }: { readonly online: boolean; readonly onDone: (message: string) => void }) {
  const { users } = useAdminDevice();
  const outlets = useOutlets();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const edit = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const request = requestOf(draft);
    if (typeof request === 'string') return setError(request);
    setBusy(true);
    const answer = await users.create(request);
    setBusy(false);
    if (!answer.ok)
      return setError(answer.error.code === 'network' ? 'Not added: this device cannot reach the server.' : answer.error.message);
    setError(null);
    setDraft(EMPTY);
    onDone(`${answer.value.name} can now sign in as ${ROLE_TEXT[answer.value.role].toLowerCase()}.`);
  };

  return (
    <form className="card person-form" aria-labelledby="new-person-title" noValidate onSubmit={(e) => void submit(e)}>
      <h3 id="new-person-title">Add a person</h3>
      <SelectField label="Role" value={draft.role} choices={ROLE_CHOICES} onChange={(role) => edit({ role: role ?? 'outlet' })} />
      {draft.role === 'outlet' ? (
        <SelectField
          label="Outlet"
          value={draft.outletId}
          choices={outletChoices(outlets)}
          none="Choose…"
          onChange={(outletId) => edit({ outletId })}
        />
      ) : null}
      <label className="field">
        <span>Name</span>
        <input value={draft.name} autoComplete="off" onChange={(e) => edit({ name: e.currentTarget.value })} />
      </label>
      <label className="field">
        <span>Email</span>
        <input type="email" value={draft.email} autoComplete="off" onChange={(e) => edit({ email: e.currentTarget.value })} />
      </label>
      <label className="field">
        <span>Password</span>
        <input type="text" value={draft.password} autoComplete="new-password" onChange={(e) => edit({ password: e.currentTarget.value })} />
      </label>
      {draft.role === 'driver' ? (
        <label className="field">
          <span>Phone</span>
          <input type="tel" value={draft.phone} autoComplete="off" onChange={(e) => edit({ phone: e.currentTarget.value })} />
        </label>
      ) : null}
      <ErrorLine message={error} />
      <button
        type="submit"
        className="button button--primary"
        disabled={!online || busy}
        aria-describedby={online ? undefined : OFFLINE_REASON_ID}
        aria-busy={busy}
      >
        Add person
      </button>
    </form>
  );
}
