import type { RefObject } from 'react';
import type { OutletId } from '../../../../shared/ids';
import { ORDER_STATUSES } from '../../../../shared/order/status';
import { STATUS_TEXT } from '../../../common/ui/statusText';
import { outletChoices, SelectField } from '../../forms/SelectField';
import { NO_FILTER, type LiveFilter, type StatusFilter } from '../../model/orders/liveFilter';

const STATUS_CHOICES: readonly { readonly value: StatusFilter; readonly label: string }[] = [
  { value: 'active', label: 'Under way' },
  { value: 'finished', label: 'Finished today' },
  ...ORDER_STATUSES.map((s) => ({ value: s, label: STATUS_TEXT[s] })),
];

/** Filters and search over the live list; `/` jumps to the search box, Esc leaves it. */
export function LiveFilters({
  filter,
  outlets,
  onChange,
  search,
}: {
  readonly filter: LiveFilter;
  readonly outlets: readonly { readonly id: OutletId; readonly name: string }[];
  readonly onChange: (change: Partial<LiveFilter>) => void;
  readonly search: RefObject<HTMLInputElement | null>;
}) {
  return (
    <form className="live-filters" role="search" aria-label="Filter orders" onSubmit={(e) => e.preventDefault()}>
      <label className="field live-filters__search">
        <span>Search</span>
        <input
          ref={search}
          type="search"
          value={filter.query}
          placeholder="Name, phone, #number, outlet or address"
          onChange={(e) => onChange({ query: e.currentTarget.value })}
          onKeyDown={(e) => {
            if (e.key === 'Escape') e.currentTarget.blur();
          }}
        />
      </label>
      <SelectField
        label="Outlet"
        value={filter.outletId}
        choices={outletChoices(outlets)}
        none="All outlets"
        onChange={(outletId) => onChange({ outletId })}
      />
      <SelectField
        label="Status"
        value={filter.status}
        choices={STATUS_CHOICES}
        onChange={(status) => onChange({ status: status ?? 'active' })}
      />
      <label className="check">
        <input type="checkbox" checked={filter.lateOnly} onChange={(e) => onChange({ lateOnly: e.currentTarget.checked })} />
        Late only
      </label>
      <label className="check">
        <input type="checkbox" checked={filter.unassignedOnly} onChange={(e) => onChange({ unassignedOnly: e.currentTarget.checked })} />
        Unassigned only
      </label>
      <button type="button" className="button button--quiet" onClick={() => onChange(NO_FILTER)}>
        Clear filters
      </button>
    </form>
  );
}
