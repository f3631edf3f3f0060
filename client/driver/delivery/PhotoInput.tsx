import { useEffect, useState, type ChangeEvent } from 'react';
import { prepareProofPhoto, type ProofImage } from '../model/proofs/proofImage';

/**
 * The doorstep photo, straight from the camera (`capture`), made small enough to keep and send,
 * with a preview so the driver sees what the outlet will see.
 */
export function PhotoInput({
  photo,
  onPhoto,
}: {
  readonly photo: ProofImage | null;
  readonly onPhoto: (photo: ProofImage | null) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<string | null>(null);

  useEffect(() => {
    if (!photo) return;
    const url = URL.createObjectURL(new Blob([new Uint8Array(photo.bytes)], { type: photo.type }));
    setPreview(url);
    return () => {
      URL.revokeObjectURL(url);
      setPreview(null);
    };
  }, [photo]);

  const take = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    const prepared = await prepareProofPhoto(file);
    setBusy(false);
    setError(typeof prepared === 'string' ? prepared : null);
    if (typeof prepared !== 'string') onPhoto(prepared);
  };

  return (
    <div className="photo-input">
      <label className="button button--big photo-input__button">
        {busy ? 'Saving photo…' : photo ? 'Retake photo' : 'Take photo'}
        <input className="sr-only" type="file" accept="image/*" capture="environment" onChange={(e) => void take(e)} />
      </label>
      {preview ? <img className="photo-input__preview" src={preview} alt="The doorstep photo you took" /> : null}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
