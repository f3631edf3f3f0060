import { tablePath } from '../route';

const TABLES = Array.from({ length: 12 }, (_, i) => `T${i + 1}`);

/**
 * `/order/<outlet>/tables`: one link per table, to print as QR codes. A guest who scans one
 * orders dine-in at that table without typing it.
 */
export function TableLinksPage({ outletId }: { readonly outletId: string }) {
  const origin = window.location.origin;
  return (
    <>
      <header className="app-header">
        <h1 className="app-header__title">Table links</h1>
      </header>
      <main className="app-main">
        <p>Print each link as a QR code and put it on its table. Scanning it opens the menu with dine-in at that table already chosen.</p>
        <ul className="table-links">
          {TABLES.map((table) => (
            <li key={table} className="card">
              <strong>Table {table}</strong>
              <a href={tablePath(outletId, table)}>{`${origin}${tablePath(outletId, table)}`}</a>
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}
