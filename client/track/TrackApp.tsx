import type { TrackingToken } from '../../shared/ids';
import { TrackScreen } from './TrackScreen';
import { useTracking } from './useTracking';

/** `/track/<token>`: one order, as its public projection shows it, and nothing else. */
export function TrackApp({ token }: { readonly token: TrackingToken | null }) {
  const tracking = useTracking(token);
  if (tracking.notFound || !token) {
    return (
      <main className="app-main track">
        <section className="card" role="alert">
          <h1>We can't find this order</h1>
          <p>This tracking link does not match any order. Check that you opened the whole link you were sent, or call the restaurant.</p>
        </section>
      </main>
    );
  }
  return <TrackScreen tracking={tracking} token={token} />;
}
