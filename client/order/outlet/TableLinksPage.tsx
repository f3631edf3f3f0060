import { useCallback } from 'react';
import { fetchMenu } from '../api/catalogApi';
import { useLoaded } from '../api/useLoaded';
import { LoadFailure } from '../LoadFailure';
import { tablePath } from '../route';
import { TableQr } from './TableQr';

/**
 * `/order/<outlet>/tables`: one card per table of the outlet's profile, with a QR code to print and put
 * on that table. A guest who scans one orders dine-in at that table without typing it.
 */
export function TableLinksPage({ outletId }: { readonly outletId: string }) {
  const load = useCallback(() => fetchMenu(outletId), [outletId]);
  const { state, reload } = useLoaded(load);
  const origin = window.location.origin;
  return (
    <>
      <header className="app-header">
        <h1 className="app-header__title">Table links{state?.ok ? `: ${state.value.outlet.name}` : ''}</h1>
      </header>
      <main className="app-main">
        {state === null ? <p role="status">Loading the tables…</p> : null}
        {state && !state.ok ? <LoadFailure message={state.error.message} onRetry={reload} /> : null}
        {state?.ok ? (
          <>
            <div className="table-links__intro">
              <p>
                Print this page and put each code on its table. Scanning it opens the menu with dine-in at that table already chosen. The
                tables are set in the admin app (outlet profile).
              </p>
              <button type="button" className="button" onClick={() => window.print()}>
                Print the QR codes
              </button>
            </div>
            <ul className="table-links">
              {state.value.outlet.tables.map((table) => {
                const url = `${origin}${tablePath(outletId, table)}`;
                return (
                  <li key={table} className="card table-links__card">
                    <strong className="table-links__name">Table {table}</strong>
                    <TableQr url={url} label={`QR code for table ${table}`} />
                    <a href={tablePath(outletId, table)}>{url}</a>
                  </li>
                );
              })}
            </ul>
          </>
        ) : null}
      </main>
    </>
  );
}
