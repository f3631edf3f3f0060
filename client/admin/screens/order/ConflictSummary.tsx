import type { TimelineEntry } from '../../model/orders/timeline';

/**
 * Said before anything else on an order whose devices disagreed: the merge kept every change but
 * only those valid in order count, and the timeline marks the others. Nobody has to merge anything.
 */
export function ConflictSummary({ entries }: { readonly entries: readonly TimelineEntry[] }) {
  const lost = entries.filter((e) => e.conflict !== null).length;
  if (lost === 0) return null;
  return (
    <p className="notice order-conflicts" role="note">
      <strong>{lost === 1 ? '1 change' : `${lost} changes`} had no effect.</strong> Devices acted on this order while apart (one of them
      offline); when their changes met, every change was kept, in the order they were made, and only those still allowed at that point
      count. The timeline marks the others and says what each ran into.
    </p>
  );
}
