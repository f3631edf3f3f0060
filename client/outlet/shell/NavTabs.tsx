import { hrefOf, type Screen } from './useOutletRoute';

const LABELS: { readonly [S in Screen]: string } = {
  board: 'Orders',
  availability: 'Availability',
  phone: 'Phone order',
  history: 'History',
  cash: 'Cash',
};

/** The app's screens as big tabs; the current one is marked for screen readers too. */
export function NavTabs({ current, badges }: { readonly current: Screen; readonly badges: Partial<Record<Screen, number>> }) {
  return (
    <nav className="tabs" aria-label="Screens">
      {(Object.keys(LABELS) as Screen[]).map((screen) => (
        <a key={screen} className="tabs__tab" href={hrefOf(screen)} aria-current={screen === current ? 'page' : undefined}>
          {LABELS[screen]}
          {badges[screen] ? (
            <span className="tabs__badge" aria-label={`${badges[screen]} waiting`}>
              {badges[screen]}
            </span>
          ) : null}
        </a>
      ))}
    </nav>
  );
}
