import { lazy, Suspense, useState } from 'react';
import type { DeliveryZone, OutletProfile } from '../../../../../shared/catalog/menu';
import type { OutletId } from '../../../../../shared/ids';
import { MoneyField } from '../../../forms/MoneyField';
import { useAdminOutletCommands } from '../../../model/outlets/adminOutletCommands';
import { freshId, swapWithNeighbour } from '../../../model/outlets/menuEdits';
import { checkPolygon } from '../../../model/outlets/polygonCheck';
import { squareAround, type Polygon } from '../../../model/outlets/polygonEdit';
import { useDraft } from '../../../model/outlets/useDraft';
import { refuse } from '../../../../common/commands/commandOutcome';
import { SaveBar } from '../SaveBar';

const ZoneMap = lazy(() => import('./ZoneMap'));

type Zones = DeliveryZone[];

const NEW_ZONE_RADIUS_M = 3_000;

const asZonePolygon = (polygon: Polygon): DeliveryZone['polygon'] => polygon.map(([lat, lng]) => [lat, lng]);

const moveZone = (zones: Zones, index: number, by: -1 | 1): Zones => [...swapWithNeighbour(zones, index, by)];

/**
 * Where the outlet delivers: zones drawn on the map, each with its own fee and minimum order. A
 * customer's address is priced by the first zone, in this order, that contains it.
 */
export function ZonesSection({ outletId, profile }: { readonly outletId: OutletId; readonly profile: OutletProfile }) {
  const outletCommands = useAdminOutletCommands();
  const draft = useDraft<Zones>(profile.zones);
  const zones = draft.value;
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = zones.find((z) => z.id === editingId) ?? zones[0] ?? null;
  const change = (id: string, next: Partial<DeliveryZone>) => draft.edit((list) => list.map((z) => (z.id === id ? { ...z, ...next } : z)));
  const addZone = () => {
    const id = freshId('zone');
    const polygon = asZonePolygon(squareAround({ lat: profile.lat, lng: profile.lng }, NEW_ZONE_RADIUS_M));
    draft.edit((list) => [...list, { id, name: `Zone ${list.length + 1}`, polygon, fee: 0, minimumOrder: 0 }]);
    setEditingId(id);
  };

  return (
    <section className="outlet-section" aria-labelledby="outlet-zones-title">
      <h3 id="outlet-zones-title">Delivery zones</h3>
      {profile.orderTypes.includes('delivery') && zones.length === 0 ? (
        <p className="notice">Delivery is on, but no zone is drawn: no address can be delivered to until one is.</p>
      ) : (
        <p className="muted">An address is priced by the first zone in this list that contains it.</p>
      )}
      <div className="zones">
        <ol className="zones__list">
          {zones.map((zone, index) => (
            <li key={zone.id}>
              <fieldset className={`zone-row${zone.id === editing?.id ? ' zone-row--editing' : ''}`}>
                <legend>
                  Zone {index + 1}: {zone.name}
                </legend>
                <label className="field">
                  <span>Zone {index + 1} name</span>
                  <input value={zone.name} onChange={(e) => change(zone.id, { name: e.currentTarget.value })} />
                </label>
                <MoneyField
                  label={`Zone ${index + 1} delivery fee`}
                  minor={zone.fee}
                  currency={profile.currency}
                  onChange={(fee) => change(zone.id, { fee })}
                />
                <MoneyField
                  label={`Zone ${index + 1} minimum order`}
                  minor={zone.minimumOrder}
                  currency={profile.currency}
                  onChange={(minimumOrder) => change(zone.id, { minimumOrder })}
                />
                <div className="save-bar__buttons">
                  <button type="button" className="button" aria-pressed={zone.id === editing?.id} onClick={() => setEditingId(zone.id)}>
                    Edit the outline of {zone.name}
                  </button>
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={`Try ${zone.name} earlier`}
                    disabled={index === 0}
                    onClick={() => draft.edit((list) => moveZone(list, index, -1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={`Try ${zone.name} later`}
                    disabled={index === zones.length - 1}
                    onClick={() => draft.edit((list) => moveZone(list, index, 1))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="button button--danger"
                    onClick={() => draft.edit((list) => list.filter((z) => z.id !== zone.id))}
                  >
                    Remove {zone.name}
                  </button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <button type="button" className="button" onClick={addZone}>
          Add a zone
        </button>
      </div>
      <Suspense fallback={<p role="status">Loading the map…</p>}>
        <ZoneMap
          outlet={profile}
          zones={zones}
          editingZoneId={editing?.id ?? null}
          onPolygonChange={(polygon) => {
            if (editing) change(editing.id, { polygon: asZonePolygon(polygon) });
          }}
        />
      </Suspense>
      <SaveBar
        what="Zones"
        draft={draft}
        save={async (next) => {
          // Only the editor knows a crossed outline: the server's check cannot tell which side the admin meant.
          const unusable = next.flatMap((zone) => {
            const problem = checkPolygon(zone.polygon, profile).problems.find((p) => p.blocking);
            return problem ? [`${zone.name}: ${problem.message}`] : [];
          });
          return unusable[0] ? refuse(`Not saved: ${unusable[0]}`) : outletCommands.saveProfile(outletId, { ...profile, zones: next });
        }}
      />
    </section>
  );
}
