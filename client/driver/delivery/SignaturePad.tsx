import { useRef, useState, type PointerEvent } from 'react';
import type { ProofImage } from '../model/proofs/proofImage';

async function canvasImage(canvas: HTMLCanvasElement): Promise<ProofImage | null> {
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  return blob ? { type: 'image/png', bytes: new Uint8Array(await blob.arrayBuffer()) } : null;
}

/** The customer signs on the phone with a finger; each finished stroke updates the image. */
export function SignaturePad({ onSigned }: { readonly onSigned: (image: ProofImage | null) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [signed, setSigned] = useState(false);

  const point = (event: PointerEvent<HTMLCanvasElement>): [number, number] => {
    const box = event.currentTarget.getBoundingClientRect();
    const scale = event.currentTarget.width / box.width;
    return [(event.clientX - box.left) * scale, (event.clientY - box.top) * scale];
  };

  const down = (event: PointerEvent<HTMLCanvasElement>): void => {
    const context = event.currentTarget.getContext('2d');
    if (!context) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = true;
    context.lineWidth = 3;
    context.lineCap = 'round';
    context.strokeStyle = '#1d1b16';
    context.beginPath();
    context.moveTo(...point(event));
  };

  const move = (event: PointerEvent<HTMLCanvasElement>): void => {
    if (!drawing.current) return;
    const context = event.currentTarget.getContext('2d');
    context?.lineTo(...point(event));
    context?.stroke();
  };

  const up = (): void => {
    if (!drawing.current || !canvas.current) return;
    drawing.current = false;
    setSigned(true);
    void canvasImage(canvas.current).then(onSigned);
  };

  const clear = (): void => {
    const c = canvas.current;
    c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
    setSigned(false);
    onSigned(null);
  };

  return (
    <div className="signature">
      <canvas
        ref={canvas}
        className="signature__pad"
        width={600}
        height={240}
        aria-label="Signature pad: the customer signs here with a finger"
        role="img"
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      />
      <button type="button" className="button button--quiet" onClick={clear} disabled={!signed}>
        Clear signature
      </button>
    </div>
  );
}
