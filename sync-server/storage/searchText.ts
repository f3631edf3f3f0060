/**
 * A customer's name as history search compares it: lower case by JavaScript's full Unicode mapping
 * (É → é, Ë → ë, Σ → σ), accents kept. The order index stores it beside the name and the search folds
 * its query with the same function, so matching never depends on what a database's lower() knows
 * (SQLite's folds ASCII only, PostgreSQL's depends on the column's collation).
 */
export const foldedName = (name: string): string => name.toLowerCase();
