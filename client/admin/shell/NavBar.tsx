import { hrefOf, SCREEN_IDS, type ScreenId } from './adminRoute';
import { ROUTE_TABLE } from './routeTable';

/** The screens as links; the current one is marked for screen readers too, and counts say what waits there. */
export function NavBar({ current, badges }: { readonly current: ScreenId; readonly badges: Partial<Record<ScreenId, number>> }) {
  const here = ROUTE_TABLE[current];
  return (
    <nav className="tabs admin-nav" aria-label="Screens">
      {SCREEN_IDS.filter((id) => ROUTE_TABLE[id].inNav).map((id) => (
        <a key={id} className="tabs__tab" href={hrefOf(id)} aria-current={ROUTE_TABLE[id] === here ? 'page' : undefined}>
          {ROUTE_TABLE[id].label}
          {badges[id] ? (
            <span className="tabs__badge" aria-label={`${badges[id]} need attention`}>
              {badges[id]}
            </span>
          ) : null}
        </a>
      ))}
    </nav>
  );
}
