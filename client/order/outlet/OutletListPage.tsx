import { fetchOutlets } from '../api/catalogApi';
import { useLoaded } from '../api/useLoaded';
import { LoadFailure } from '../LoadFailure';
import { YourOrdersLink } from '../yourOrders/YourOrdersLink';
import { OutletCard } from './OutletCard';

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
                  <OutletCard summary={outlet} now={Date.now()} />
                </li>
              ))}
            </ul>
          )
        ) : null}
      </main>
    </>
  );
}
