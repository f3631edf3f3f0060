import { outletChoices, SelectField } from '../../forms/SelectField';
import type { OutletEntry } from '../../model/outlets/outletDirectory';
import type { PeopleFilter } from '../../model/people/peopleFilter';
import { ROLE_CHOICES } from './accountWords';

/** Role, outlet and a search over name, email and phone. */
export function PeopleFilters({
  filter,
  outlets,
  onChange,
}: {
  readonly filter: PeopleFilter;
  readonly outlets: readonly OutletEntry[];
  readonly onChange: (change: Partial<PeopleFilter>) => void;
}) {
  return (
    <form className="live-filters" role="search" aria-label="Filter people" onSubmit={(e) => e.preventDefault()}>
      <label className="field live-filters__search">
        <span>Search people</span>
        <input
          type="search"
          value={filter.query}
          placeholder="Name, email or phone"
          onChange={(e) => onChange({ query: e.currentTarget.value })}
        />
      </label>
      <SelectField label="Role" value={filter.role} choices={ROLE_CHOICES} none="Everyone" onChange={(role) => onChange({ role })} />
      <SelectField
        label="Outlet"
        value={filter.outletId}
        choices={outletChoices(outlets)}
        none="All outlets"
        onChange={(outletId) => onChange({ outletId })}
      />
    </form>
  );
}
