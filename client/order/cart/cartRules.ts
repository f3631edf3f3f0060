import type { MenuItem, ModifierGroup } from '../api/catalogApi';

/** One chosen option, as the order API takes it. */
export interface ChosenModifier {
  readonly groupId: string;
  readonly optionId: string;
}

/** What the cart keeps per line: ids and a quantity only. Names and prices come from the menu. */
export interface CartLine {
  readonly key: string;
  readonly itemId: string;
  readonly qty: number;
  readonly modifiers: readonly ChosenModifier[];
}

export const MIN_QTY = 1;
/** The server's limit per line (priceOrder refuses more as bad_quantity). */
export const MAX_QTY = 99;

/** Keeps a quantity within what the server accepts; anything unreadable becomes 1. */
export function clampQty(qty: number): number {
  if (!Number.isFinite(qty)) return MIN_QTY;
  return Math.min(MAX_QTY, Math.max(MIN_QTY, Math.round(qty)));
}

/** The same item with the same choices is one line, whatever order the options were ticked in. */
export function lineKey(itemId: string, modifiers: readonly ChosenModifier[]): string {
  const picks = modifiers.map((m) => `${m.groupId}=${m.optionId}`).sort();
  return [itemId, ...picks].join('|');
}

/**
 * Ticks or unticks an option. A group of at most one choice behaves like radio buttons (the new
 * choice replaces the old); otherwise a tick beyond the group's maximum is ignored, so the
 * dialog can never hold a choice the server would refuse for being too many.
 */
export function toggleOption(group: ModifierGroup, picks: readonly ChosenModifier[], optionId: string): ChosenModifier[] {
  const inGroup = picks.filter((p) => p.groupId === group.id);
  const others = picks.filter((p) => p.groupId !== group.id);
  const isPicked = inGroup.some((p) => p.optionId === optionId);
  if (group.max === 1) return isPicked && group.min === 0 ? others : [...others, { groupId: group.id, optionId }];
  if (isPicked) return [...others, ...inGroup.filter((p) => p.optionId !== optionId)];
  if (inGroup.length >= group.max) return [...picks];
  return [...picks, { groupId: group.id, optionId }];
}

/** "Choose 1", "Choose 1 or 2", "Choose up to 2": how the dialog explains a group's rule. */
export function groupRule(group: ModifierGroup): string {
  if (group.min === group.max) return `Choose ${group.min}`;
  if (group.min === 0) return group.max === 1 ? 'Optional' : `Optional, up to ${group.max}`;
  return `Choose ${group.min} to ${group.max}`;
}

/** What is wrong with a set of choices, per group id; an empty map means the item can be added. */
export function modifierProblems(item: MenuItem, picks: readonly ChosenModifier[]): Map<string, string> {
  const problems = new Map<string, string>();
  for (const group of item.modifierGroups) {
    const chosen = picks.filter((p) => p.groupId === group.id);
    const options = chosen.map((p) => group.options.find((o) => o.id === p.optionId));
    const unavailable = options.find((o) => o !== undefined && !o.available);
    if (unavailable !== undefined || options.includes(undefined))
      problems.set(group.id, `${unavailable?.name ?? 'That option'} is not available right now.`);
    else if (chosen.length < group.min) problems.set(group.id, `${groupRule(group)} for ${group.name}.`);
    else if (chosen.length > group.max) problems.set(group.id, `At most ${group.max} for ${group.name}.`);
  }
  return problems;
}

/** Price of one unit with its options, in minor units: an estimate to show; the server prices the order. */
export function unitPrice(item: MenuItem, picks: readonly ChosenModifier[]): number {
  let price = item.price;
  for (const pick of picks) {
    const option = item.modifierGroups.find((g) => g.id === pick.groupId)?.options.find((o) => o.id === pick.optionId);
    price += option?.price ?? 0;
  }
  return price;
}

export interface DescribedLine {
  readonly line: CartLine;
  readonly name: string;
  readonly options: readonly string[];
  readonly unitPrice: number;
  readonly lineTotal: number;
  /** Why this line cannot be ordered as it is (the menu changed since it was added), or null. */
  readonly problem: string | null;
}

/** A cart line as the customer reads it, checked against today's menu. */
export function describeLine(items: readonly MenuItem[], line: CartLine): DescribedLine {
  const item = items.find((i) => i.id === line.itemId);
  if (!item)
    return {
      line,
      name: 'An item no longer on the menu',
      options: [],
      unitPrice: 0,
      lineTotal: 0,
      problem: 'No longer on the menu: remove it.',
    };
  const options = line.modifiers.map(
    (m) => item.modifierGroups.find((g) => g.id === m.groupId)?.options.find((o) => o.id === m.optionId)?.name ?? m.optionId,
  );
  const price = unitPrice(item, line.modifiers);
  const problem = !item.available
    ? `${item.name} is not available right now.`
    : (modifierProblems(item, line.modifiers).values().next().value ?? null);
  return { line, name: item.name, options, unitPrice: price, lineTotal: price * line.qty, problem };
}

/**
 * The choices the item dialog opens with: the first available option of each group that must have
 * exactly one (a size, say), so "Add" works at once; the customer can still change it. Groups with
 * several choices or none required start empty: guessing those would order what nobody picked.
 */
export function preselectedPicks(item: MenuItem): ChosenModifier[] {
  return item.modifierGroups.flatMap((group) => {
    if (group.min !== 1 || group.max !== 1) return [];
    const first = group.options.find((o) => o.available);
    return first ? [{ groupId: group.id, optionId: first.id }] : [];
  });
}

/** How many of each menu item the cart holds, whatever their choices: the "2 in cart" on the menu. */
export function countsByItem(lines: readonly CartLine[]): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line.itemId, (counts.get(line.itemId) ?? 0) + line.qty);
  return counts;
}
