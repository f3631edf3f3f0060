import { useState, type KeyboardEvent } from 'react';
import { takingOrders } from '../../../../shared/catalog/outletDoc';
import type { OutletId } from '../../../../shared/ids';
import { AvailabilityScreen } from '../../../common/availability/AvailabilityScreen';
import { SyncBadge } from '../../../common/ui/SyncBadge';
import { useNow } from '../../../common/ui/useNow';
import { useOutletCatalogs } from '../../model/outlets/useOutletCatalogs';
import { hrefOf } from '../../shell/adminRoute';
import { HoursSection } from './hours/HoursSection';
import { MenuSection } from './menu/MenuSection';
import { ProfileSection } from './profile/ProfileSection';
import { TaxesSection } from './taxes/TaxesSection';
import { ZonesSection } from './zones/ZonesSection';

const TABS = [
  { id: 'menu', label: 'Menu' },
  { id: 'availability', label: 'Availability' },
  { id: 'hours', label: 'Hours' },
  { id: 'zones', label: 'Delivery zones' },
  { id: 'taxes', label: 'Taxes' },
  { id: 'profile', label: 'Profile' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/**
 * One outlet, a tab per part. Every tab stays mounted while hidden, so a draft in one survives a
 * look at another; each part is saved on its own, merged into the outlet as it is then.
 */
export function OutletEditor({ outletId }: { readonly outletId: OutletId }) {
  const outlet = useOutletCatalogs().find((o) => o.id === outletId);
  const [tab, setTab] = useState<TabId>('menu');
  const now = useNow(30_000);
  if (!outlet)
    return (
      <p className="empty" role="status">
        This outlet is not on this device yet (it needs the network once). <a href={hrefOf('outlets')}>All outlets</a>
      </p>
    );
  const { catalog, syncState } = outlet;
  const { profile } = catalog;
  const taking = takingOrders(catalog, now);
  const onTabKey = (event: KeyboardEvent) => {
    const by = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!by) return;
    const next = TABS[(TABS.findIndex((t) => t.id === tab) + by + TABS.length) % TABS.length];
    if (next) {
      setTab(next.id);
      document.getElementById(`outlet-tab-${next.id}`)?.focus();
    }
  };
  return (
    <article className="outlet-editor" aria-labelledby="outlet-title">
      <p>
        <a href={hrefOf('outlets')}>← All outlets</a>
      </p>
      <header className="outlet-editor__head">
        <h2 id="outlet-title">{profile.name}</h2>
        <SyncBadge state={syncState} />
        <p className={taking.ok ? 'muted' : 'notice'}>{taking.ok ? 'Taking orders now.' : taking.error.message}</p>
        <a href={`/order/${encodeURIComponent(outletId)}`} target="_blank" rel="noopener">
          See it as customers do
        </a>
      </header>
      <div role="tablist" aria-label="Parts of the outlet" className="outlet-tabs" onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`outlet-tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls={`outlet-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className="outlet-tabs__tab"
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {TABS.map((t) => (
        <div key={t.id} id={`outlet-panel-${t.id}`} role="tabpanel" aria-labelledby={`outlet-tab-${t.id}`} hidden={tab !== t.id}>
          {t.id === 'menu' ? <MenuSection outletId={outletId} menu={catalog.menu} currency={profile.currency} /> : null}
          {t.id === 'availability' ? <AvailabilityScreen outletId={outletId} catalog={catalog} syncState={syncState} /> : null}
          {t.id === 'hours' ? <HoursSection outletId={outletId} profile={profile} /> : null}
          {t.id === 'zones' ? <ZonesSection outletId={outletId} profile={profile} /> : null}
          {t.id === 'taxes' ? <TaxesSection outletId={outletId} profile={profile} /> : null}
          {t.id === 'profile' ? <ProfileSection outletId={outletId} profile={profile} /> : null}
        </div>
      ))}
    </article>
  );
}
