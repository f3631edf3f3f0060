import { useCallback } from 'react';
import { fetchMenu } from '../api/catalogApi';
import { useLoaded } from '../api/useLoaded';
import { LoadFailure } from '../LoadFailure';
import { OrderingScreen } from './OrderingScreen';

interface Props {
  readonly outletId: string;
  readonly table: string | null;
  readonly navigate: (path: string) => void;
}

/** `/order/<outlet>`: loads the outlet's menu, then the ordering screen. */
export function OutletPage({ outletId, table, navigate }: Props) {
  const load = useCallback(() => fetchMenu(outletId), [outletId]);
  const { state, reload } = useLoaded(load);
  if (state === null)
    return (
      <main className="app-main">
        <p role="status">Loading the menu…</p>
      </main>
    );
  if (!state.ok) {
    const notFound = state.error.details.status === 404;
    return (
      <main className="app-main">
        <LoadFailure
          message={notFound ? "We can't find this restaurant. Check the link, or pick one from the list." : state.error.message}
          {...(notFound ? {} : { onRetry: reload })}
        />
        <p>
          <a href="/order/">All restaurants</a>
        </p>
      </main>
    );
  }
  return <OrderingScreen outletId={outletId} menu={state.value} table={table} navigate={navigate} />;
}
