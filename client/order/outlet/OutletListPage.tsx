import { fetchOutlets } from '../api/catalogApi';
import { useLoaded } from '../api/useLoaded';
import { LoadFailure } from '../LoadFailure';
import { outletPath } from '../route';
import { YourOrdersLink } from '../yourOrders/YourOrdersLink';

/** `/order/`: the restaurants to order from. */
export function OutletListPage() {
  const { state, reload } = useLoaded(fetchOutlets);
  return (
    <>
      <header className="app-header">
        <h1 className="app-header__title">Order from Dabba</h1>
        <YourOrdersLink />
      </header>
      <main className="app-main">
        {state === null ? <p role="status">Loading restaurants…</p> : null}
        {state?.ok === false ? <LoadFailure message={state.error.message} onRetry={reload} /> : null}
        {state?.ok ? (
          state.value.length === 0 ? (
            <p className="empty">No restaurants are on Dabba yet.</p>
          ) : (
            <ul className="outlet-list">
              {state.value.map((outlet) => (
                <li key={outlet.id}>
                  <a className="card outlet-link" href={outletPath(outlet.id)}>
                    <span className="outlet-link__name">{outlet.name}</span>
                    {outlet.ordering && !outlet.ordering.open ? (
                      <span className="notice">{outlet.ordering.message}</span>
                    ) : (
                      <span className="muted">See the menu</span>
                    )}
                  </a>
                </li>
              ))}
            </ul>
          )
        ) : null}
      </main>
    </>
  );
}
