import { useCallback, useEffect, useRef, useState } from 'react';

/** After a chip is pressed, the smooth scroll it starts passes other sections: they must not take the mark. */
const JUMP_SETTLE_MS = 900;

/**
 * Which menu section the customer is reading: the last one whose heading has passed under the
 * sticky chip row (`offset` px from the top). `jumped` marks a section at once when its chip is
 * pressed, and keeps it marked at the page's end, where a short last section cannot reach the top.
 */
export function useActiveCategory(ids: readonly string[], offset: number): { readonly active: string | null; jumped(id: string): void } {
  const [active, setActive] = useState<string | null>(ids[0] ?? null);
  const lockedUntil = useRef(0);
  const jumpedTo = useRef<string | null>(null);
  const key = ids.join('|');

  useEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      if (Date.now() < lockedUntil.current) return;
      const tops = ids.map((id) => ({ id, top: document.getElementById(`cat-${id}`)?.getBoundingClientRect().top ?? Infinity }));
      let current = ids[0] ?? null;
      for (const { id, top } of tops) if (top <= offset + 8) current = id;
      // At the page's end the last sections can never reach the top: one jumped to stays marked while it is in sight.
      const atEnd = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
      const target = tops.find(({ id, top }) => id === jumpedTo.current && top >= 0 && top < window.innerHeight);
      if (atEnd && target) current = target.id;
      else if (!atEnd) jumpedTo.current = null;
      setActive(current);
    };
    const onScroll = () => {
      if (frame === 0) frame = requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
      if (frame !== 0) cancelAnimationFrame(frame);
    };
    // `ids` is a fresh array each render; its contents (the key) are what matter.
  }, [key, offset]);

  const jumped = useCallback((id: string) => {
    lockedUntil.current = Date.now() + JUMP_SETTLE_MS;
    jumpedTo.current = id;
    setActive(id);
  }, []);
  return { active, jumped };
}
