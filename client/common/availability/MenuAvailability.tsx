import { useState } from 'react';
import { isAvailable, type Catalog } from '../../../shared/catalog/outletDoc';
import type { CommandOutcome } from '../commands/commandOutcome';
import { outletTime } from '../time/outletTime';
import { ITEM_CHOICES, untilOf, type UntilChoice } from './untilChoices';
import { UntilPicker } from './UntilPicker';

function stateText(catalog: Catalog, id: string, now: number): string {
  if (isAvailable(catalog, id, now)) return 'Available';
  const until = catalog.availability.get(id)?.until;
  return until === undefined ? 'Unavailable until turned back on' : `Unavailable until ${outletTime(catalog.profile.timezone).time(until)}`;
}

function Toggle({
  catalog,
  id,
  name,
  now,
  onMark,
}: {
  readonly catalog: Catalog;
  readonly id: string;
  readonly name: string;
  readonly now: number;
  readonly onMark: (id: string, available: boolean) => void;
}) {
  const available = isAvailable(catalog, id, now);
  return (
    <div className={available ? 'avail' : 'avail avail--off'} data-availability-id={id} data-available={available}>
      <span className="avail__name">{name}</span>
      <span className="avail__state">{stateText(catalog, id, now)}</span>
      <button
        type="button"
        className={available ? 'button button--danger' : 'button button--primary'}
        onClick={() => onMark(id, !available)}
      >
        {available ? `Mark ${name} unavailable` : `Mark ${name} available`}
      </button>
    </div>
  );
}

/** Every item and modifier option with a one-tap "86"; the chosen "how long" applies to the next tap. */
export function MenuAvailability({
  catalog,
  now,
  onUnavailable,
  onAvailable,
}: {
  readonly catalog: Catalog;
  readonly now: number;
  readonly onUnavailable: (id: string, until: number | null) => CommandOutcome;
  readonly onAvailable: (id: string) => CommandOutcome;
}) {
  const [choice, setChoice] = useState<UntilChoice>(ITEM_CHOICES[0] ?? { kind: 'manual' });
  const [problem, setProblem] = useState<string | null>(null);
  const mark = (id: string, available: boolean): void => {
    const outcome = available ? onAvailable(id) : onUnavailable(id, untilOf(choice, Date.now(), catalog.profile));
    setProblem(outcome.ok ? null : outcome.error.message);
  };
  return (
    <section className="card panel" aria-labelledby="menu-title">
      <h2 id="menu-title">Menu</h2>
      <UntilPicker legend="Mark unavailable for how long?" choices={ITEM_CHOICES} value={choice} onChange={setChoice} />
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
      {catalog.menu.categories.map((category) => (
        <div key={category.id} className="avail-category">
          <h3>{category.name}</h3>
          {catalog.menu.items
            .filter((item) => item.categoryId === category.id)
            .map((item) => (
              <div key={item.id} className="avail-item">
                <Toggle catalog={catalog} id={item.id} name={item.name} now={now} onMark={mark} />
                {item.modifierGroups.map((group) => (
                  <div key={group.id} className="avail-options" role="group" aria-label={`${item.name}: ${group.name}`}>
                    {group.options.map((option) => (
                      <Toggle key={option.id} catalog={catalog} id={option.id} name={option.name} now={now} onMark={mark} />
                    ))}
                  </div>
                ))}
              </div>
            ))}
        </div>
      ))}
    </section>
  );
}
