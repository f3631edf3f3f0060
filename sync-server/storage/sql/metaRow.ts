/** Sets one `meta` row on SQLite's handle, for the writers that run there rather than through Kysely. */
export const SET_META_ROW = 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value';
