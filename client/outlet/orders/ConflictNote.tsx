import type { ConflictSummary } from '../../common/store/db';
import { useOutletTime } from '../../common/time/OutletTimeContext';

const words = (type: string): string => type.replace('_', ' ');

/**
 * Two devices may act on one order while apart; the merge keeps every action but applies only
 * those valid in order. The ones without effect are shown so nobody wonders where they went.
 */
export function ConflictNote({ conflicts }: { readonly conflicts: readonly ConflictSummary[] }) {
  const { time } = useOutletTime();
  if (conflicts.length === 0) return null;
  return (
    <div className="notice">
      <p>Done while devices were apart, kept without effect:</p>
      <ul>
        {conflicts.map((c) => (
          <li key={`${c.type}-${c.at}`}>
            {words(c.type)} by {c.byRole} at {time(c.at)} — {c.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}
