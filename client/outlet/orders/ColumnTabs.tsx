export interface ColumnTab {
  /** The column's `data-column`: new, accepted, preparing, ready, out. */
  readonly id: string;
  readonly title: string;
}

/**
 * Where the board's columns are when they do not all fit (a portrait tablet, a phone): one button a
 * column, bringing it into view in the sideways-scrolling strip, so no column is out of sight with no hint.
 */
export function ColumnTabs({ columns }: { readonly columns: readonly ColumnTab[] }) {
  const show = (id: string): void => {
    document
      .querySelector(`.board__columns [data-column="${id}"]`)
      ?.scrollIntoView({ behavior: 'smooth', block: 'nearest', inline: 'start' });
  };
  return (
    <nav className="column-tabs" aria-label="Board columns">
      {columns.map((c) => (
        <button key={c.id} type="button" className="column-tabs__tab" onClick={() => show(c.id)}>
          {c.title}
        </button>
      ))}
    </nav>
  );
}
