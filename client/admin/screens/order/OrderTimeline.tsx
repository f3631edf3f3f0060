import type { UserId } from '../../../../shared/ids';
import { clockTime } from '../../../common/ui/clockTime';
import { deviceText, eventText, whoText, type NameOf } from '../../../common/orders/eventWords';
import type { TimelineEntry } from '../../model/orders/timeline';

/**
 * Every event of the order, oldest first: what, when (the author's device clock), who, from which
 * device and whether it was offline, when the device said; events kept without effect are marked in
 * words and say what they ran into.
 */
export function OrderTimeline({
  entries,
  self,
  nameOf,
}: {
  readonly entries: readonly TimelineEntry[];
  readonly self: UserId | null;
  readonly nameOf: NameOf;
}) {
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h3 id="timeline-title">Timeline</h3>
      <ol className="timeline" aria-label="Events, oldest first">
        {entries.map(({ event, conflict, after }) => {
          const device = deviceText(event);
          return (
            <li key={event.id} className={conflict ? 'timeline__entry timeline__entry--conflict' : 'timeline__entry'}>
              <time dateTime={new Date(event.at).toISOString()}>{clockTime(event.at)}</time>
              <div>
                <p className="timeline__what">
                  {conflict ? <span className="flag flag--warn">No effect</span> : null} {eventText(event, nameOf)}
                </p>
                <p className="timeline__who">
                  {whoText(event.by, self, nameOf)}
                  {device ? ` · ${device}` : ''}
                </p>
                {conflict ? (
                  <p className="timeline__conflict">
                    Kept without effect: {conflict}.
                    {after
                      ? ` It came after “${eventText(after, nameOf)}” by ${whoText(after.by, self, nameOf)} at ${clockTime(after.at)}.`
                      : ''}
                  </p>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
