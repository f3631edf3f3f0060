import {
  addInterval,
  changeInterval,
  closeFromInput,
  closeInputValue,
  copyToEveryDay,
  removeInterval,
  WEEK_ORDER,
  WEEKDAY_NAMES,
  type WeeklyHours,
} from '../../../model/outlets/hoursEdits';

/** One row per weekday, Monday first, each with its opening intervals. */
export function WeekEditor({
  hours,
  onChange,
}: {
  readonly hours: WeeklyHours;
  readonly onChange: (change: (hours: WeeklyHours) => WeeklyHours) => void;
}) {
  return (
    <table className="ops-table week">
      <caption className="sr-only">Opening hours by weekday</caption>
      <thead>
        <tr>
          <th scope="col">Day</th>
          <th scope="col">Open</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {WEEK_ORDER.map((day) => {
          const dayName = WEEKDAY_NAMES[day];
          const intervals = hours[day] ?? [];
          return (
            <tr key={day}>
              <th scope="row">{dayName}</th>
              <td>
                {intervals.length === 0 ? <span className="muted">Closed</span> : null}
                {intervals.map((interval, index) => (
                  <div key={index} className="week__interval">
                    <label className="field field--inline">
                      <span>
                        {dayName} opens{intervals.length > 1 ? ` (${index + 1})` : ''}
                      </span>
                      <input
                        type="time"
                        value={interval.open}
                        onChange={(e) => {
                          const open = e.currentTarget.value;
                          if (open) onChange((h) => changeInterval(h, day, index, { open }));
                        }}
                      />
                    </label>
                    <label className="field field--inline">
                      <span>
                        {dayName} closes{intervals.length > 1 ? ` (${index + 1})` : ''}
                      </span>
                      <input
                        type="time"
                        value={closeInputValue(interval.close)}
                        onChange={(e) => {
                          const close = e.currentTarget.value;
                          if (close) onChange((h) => changeInterval(h, day, index, { close: closeFromInput(close) }));
                        }}
                      />
                    </label>
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={`Remove ${dayName}’s hours ${interval.open} to ${interval.close}`}
                      onClick={() => onChange((h) => removeInterval(h, day, index))}
                    >
                      Remove
                    </button>
                  </div>
                ))}
              </td>
              <td className="week__actions">
                <button
                  type="button"
                  className="button"
                  aria-label={`Add hours on ${dayName}`}
                  onClick={() => onChange((h) => addInterval(h, day))}
                >
                  Add hours
                </button>
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={`Use ${dayName}’s hours on every day`}
                  onClick={() => onChange((h) => copyToEveryDay(h, day))}
                >
                  Same every day
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
