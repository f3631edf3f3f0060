import { useEffect, useRef } from 'react';

interface Props {
  readonly categories: readonly { readonly id: string; readonly name: string }[];
  readonly active: string | null;
  /** Hidden where the menu and cart are stacked and the cart is in view (CSS decides the layout). */
  readonly giveWay: boolean;
  readonly onJump: (id: string) => void;
}

const reducedMotion = (): boolean => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * A sticky row of the menu's categories: pressing one scrolls to its section and moves focus to its
 * heading (so a keyboard or screen reader user continues there); the one being read is marked.
 */
export function CategoryChips({ categories, active, giveWay, onJump }: Props) {
  const row = useRef<HTMLElement>(null);

  // Keeps the marked chip within the row when the row scrolls sideways on a phone.
  useEffect(() => {
    const chip = row.current?.querySelector<HTMLElement>('[aria-current="true"]');
    const strip = row.current?.firstElementChild;
    if (!chip || !(strip instanceof HTMLElement)) return;
    const left = chip.offsetLeft - strip.offsetLeft;
    if (left < strip.scrollLeft || left + chip.offsetWidth > strip.scrollLeft + strip.clientWidth)
      strip.scrollTo({ left: Math.max(0, left - 16), behavior: reducedMotion() ? 'auto' : 'smooth' });
  }, [active]);

  if (categories.length < 2) return null;
  return (
    <nav ref={row} className="category-chips" aria-label="Menu categories" data-give-way={giveWay}>
      <ul>
        {categories.map((c) => (
          <li key={c.id}>
            <a
              href={`#cat-${c.id}`}
              className="category-chip"
              aria-current={c.id === active ? 'true' : undefined}
              onClick={(event) => {
                const heading = document.getElementById(`cat-${c.id}`);
                if (!heading) return;
                event.preventDefault();
                onJump(c.id);
                heading.scrollIntoView({ behavior: reducedMotion() ? 'auto' : 'smooth', block: 'start' });
                heading.focus({ preventScroll: true });
              }}
            >
              {c.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
