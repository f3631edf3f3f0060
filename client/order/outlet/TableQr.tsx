import { useEffect, useState } from 'react';

/** The QR library is loaded when the table-links page first draws a code, never with the menu. */
const loadLibrary = (() => {
  let library: ReturnType<typeof importLibrary> | null = null;
  return () => (library ??= importLibrary());
})();
const importLibrary = () => import('qrcode-svg').then((m) => m.default);

/** One SVG path of a QR code's dark modules, one unit each, inside a 4-module quiet zone. */
function qrPath(modules: readonly (readonly boolean[])[]): string {
  const parts: string[] = [];
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) parts.push(`M${x + 4} ${y + 4}h1v1h-1z`);
    }),
  );
  return parts.join('');
}

/**
 * A printable QR code of `url`, drawn as SVG from the code's modules (no markup from the library is
 * inserted). Until the library has loaded, or if it cannot be, the link beside it is what to use.
 */
export function TableQr({ url, label }: { readonly url: string; readonly label: string }) {
  const [drawn, setDrawn] = useState<{ path: string; size: number } | null>(null);
  useEffect(() => {
    let live = true;
    void loadLibrary()
      .then((QRCode) => {
        const { modules } = new QRCode({ content: url, ecl: 'M' }).qrcode;
        if (live) setDrawn({ path: qrPath(modules), size: modules.length + 8 });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [url]);
  if (!drawn) return <div className="table-qr table-qr--loading" aria-hidden="true" />;
  return (
    <svg className="table-qr" role="img" aria-label={label} viewBox={`0 0 ${drawn.size} ${drawn.size}`} shapeRendering="crispEdges">
      <rect width={drawn.size} height={drawn.size} fill="#fff" />
      <path d={drawn.path} fill="#000" />
    </svg>
  );
}
