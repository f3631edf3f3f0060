import { useState } from 'react';
import type { AdminUser, UserPatch } from '../../../../shared/api/adminUsers';
import type { OutletId } from '../../../../shared/ids';
import { ErrorLine } from '../../../common/ui/ErrorLine';
import { outletChoices, SelectField } from '../../forms/SelectField';
import { useOutlets } from '../../model/AdminContext';
import { OFFLINE_REASON_ID } from './accountWords';
import { ActionForm } from './ActionForm';
import { useAccountChange } from './useAccountChange';

type Open = 'none' | 'disable' | 'password' | 'outlet';

/**
 * What an admin can do to one account: disable (after a confirm: it signs them out everywhere at
 * once) or enable, set a new password, move outlet staff to another outlet. All need the server.
 */
export function PersonActions({ user, online }: { readonly user: AdminUser; readonly online: boolean }) {
  const outlets = useOutlets();
  const { busy, error, send } = useAccountChange(user);
  const [open, setOpen] = useState<Open>('none');
  const [password, setPassword] = useState('');
  const [outletId, setOutletId] = useState<OutletId | null>(user.outletId);
  const blocked = !online || busy;
  const why = online ? undefined : OFFLINE_REASON_ID;
  const close = () => setOpen('none');
  const sendAndClose = async (patch: UserPatch) => {
    if (await send(patch)) close();
  };
  const opener = (what: Open, text: string, className = 'button button--quiet') => (
    <button type="button" className={className} disabled={blocked} aria-describedby={why} onClick={() => setOpen(what)}>
      {text}
    </button>
  );

  return (
    <div className="person-actions">
      {user.disabled ? (
        <button type="button" className="button" disabled={blocked} aria-describedby={why} onClick={() => void send({ disabled: false })}>
          Enable
        </button>
      ) : (
        opener('disable', 'Disable…', 'button button--danger')
      )}
      {opener('password', 'Reset password…')}
      {user.role === 'outlet' ? opener('outlet', 'Change outlet…') : null}
      {open === 'disable' ? (
        <ActionForm
          label={`Disable ${user.name}`}
          submit={`Disable ${user.name}`}
          danger
          blocked={blocked}
          onSubmit={() => void sendAndClose({ disabled: true })}
          onCancel={close}
        >
          <p>
            They are signed out everywhere at once{user.liveDevices > 0 ? ` (${user.liveDevices} open now)` : ''} and cannot sign in until
            enabled again.
          </p>
        </ActionForm>
      ) : null}
      {open === 'password' ? (
        <ActionForm
          label={`New password for ${user.name}`}
          submit="Set password"
          blocked={blocked}
          onSubmit={() => void sendAndClose({ password }).then(() => setPassword(''))}
          onCancel={close}
        >
          <label className="field">
            <span>New password</span>
            <input type="text" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          </label>
          <p className="muted">Setting it signs them out everywhere; tell them the new one.</p>
        </ActionForm>
      ) : null}
      {open === 'outlet' ? (
        <ActionForm
          label={`Move ${user.name} to another outlet`}
          submit="Move"
          blocked={blocked || outletId === null || outletId === user.outletId}
          onSubmit={() => void (outletId && sendAndClose({ outletId }))}
          onCancel={close}
        >
          <SelectField label="Outlet" value={outletId} choices={outletChoices(outlets)} onChange={setOutletId} />
          <p className="muted">Moving them signs them out: they sign in again for the new outlet.</p>
        </ActionForm>
      ) : null}
      <ErrorLine message={error} />
    </div>
  );
}
