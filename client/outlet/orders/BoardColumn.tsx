import type { ReactNode } from 'react';

/** One column of the board, named with its count so a screen reader hears "Preparing, 4". */
export function BoardColumn({
  id,
  title,
  count,
  loaded = true,
  children,
}: {
  readonly id: string;
  readonly title: string;
  readonly count: number;
  /** False until the column's orders have been read from the device. */
  readonly loaded?: boolean;
  readonly children: ReactNode;
}) {
  const headingId = `column-${id}`;
  return (
    <section
      className={`column column--${id}`}
      aria-labelledby={headingId}
      data-column={id}
      data-count={loaded ? count : undefined}
      aria-busy={!loaded}
    >
      <h2 id={headingId} className="column__title">
        {title} <span className="column__count">{count}</span>
      </h2>
      {count === 0 ? <p className="column__empty">None</p> : <ul className="column__cards">{children}</ul>}
    </section>
  );
}
