import { useEffect, useState } from 'react';
import { browserShareDevice, shareOrCopy, sharesNatively, type ShareResult } from './shareLink';

/** How long "Copied" stays: long enough to read, short enough that a second copy says it again. */
const CONFIRM_MS = 4_000;

/**
 * "Share tracking link" (the phone's share sheet) or, where there is none, "Copy tracking link" with a
 * visible "Copied". When neither works the link is shown, selected, to copy by hand.
 */
export function ShareLink({ outletName }: { readonly outletName: string }) {
  const [device] = useState(browserShareDevice);
  const [result, setResult] = useState<ShareResult | null>(null);
  const url = `${window.location.origin}${window.location.pathname}`;

  useEffect(() => {
    if (result !== 'copied') return;
    const timer = window.setTimeout(() => setResult(null), CONFIRM_MS);
    return () => window.clearTimeout(timer);
  }, [result]);

  const share = async () => {
    setResult(null);
    setResult(await shareOrCopy(device, { title: `Your order from ${outletName}`, text: `Follow my order from ${outletName}`, url }));
  };

  return (
    <div className="track__share no-print">
      <button type="button" className="button" onClick={() => void share()}>
        {sharesNatively(device) ? 'Share tracking link' : 'Copy tracking link'}
      </button>
      <span className="track__share-status" role="status">
        {result === 'copied' ? 'Copied — paste it to anyone who should follow this order' : null}
      </span>
      {result === 'manual' ? (
        <label className="track__share-manual">
          Copy this link
          <input type="text" readOnly value={url} onFocus={(event) => event.currentTarget.select()} autoFocus />
        </label>
      ) : null}
    </div>
  );
}
