import { useId, useState } from 'react';
import { useDeviceSnapshot } from '../../../../common/device/DeviceContext';
import { ErrorLine } from '../../../../common/ui/ErrorLine';
import { useAdminDevice } from '../../../model/AdminContext';
import { uploadMenuPhoto } from '../../../model/api/menuPhotosApi';

/**
 * An item's photo: uploaded (shrunk on this device first, so customers on slow links get a small
 * one), then named in the menu draft. Uploading needs the network; the rest of the menu does not.
 */
export function PhotoField({
  itemName,
  photo,
  onChange,
}: {
  readonly itemName: string;
  readonly photo: string | null;
  readonly onChange: (photo: string | null) => void;
}) {
  const admin = useAdminDevice();
  const { connection } = useDeviceSnapshot();
  const online = connection.status === 'online';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const offlineId = useId();

  const upload = async (file: File | undefined) => {
    const token = admin.token();
    if (!file || !token) return;
    setBusy(true);
    const answer = await uploadMenuPhoto(token, file);
    setBusy(false);
    if (!answer.ok) return setError(answer.error.message);
    setError(null);
    onChange(answer.value);
  };

  return (
    <div className="photo-field outlet-form__wide">
      {photo ? <img className="photo-field__preview" src={photo} alt={`Photo of ${itemName}`} width={160} height={120} /> : null}
      <label className={`button${online && !busy ? '' : ' button--disabled'}`} aria-busy={busy}>
        {photo ? `Replace the photo of ${itemName}` : `Add a photo of ${itemName}`}
        <input
          className="sr-only"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          disabled={!online || busy}
          aria-describedby={online ? undefined : offlineId}
          onChange={(e) => void upload(e.currentTarget.files?.[0])}
        />
      </label>
      {photo ? (
        <button type="button" className="button button--quiet" onClick={() => onChange(null)}>
          Remove the photo of {itemName}
        </button>
      ) : null}
      {online ? null : (
        <small id={offlineId} className="muted">
          Photos upload when this device is online; everything else can be edited now.
        </small>
      )}
      <ErrorLine message={busy ? null : error} />
    </div>
  );
}
