import * as Y from 'yjs';
import { menuSchema, outletProfileSchema, storedMenuSchema, type Menu } from '../../../shared/catalog/menu';
import { menuProblem, profileProblem } from '../../../shared/catalog/menuRules';
import { OUTLET_ROOTS } from '../../../shared/catalog/outletDoc';
import { availabilitySchema, busySchema, pausedSchema, STATUS_KEYS } from '../../../shared/catalog/outletStatus';
import type { OutletId } from '../../../shared/ids';
import { firstIssueText } from '../../../shared/zodIssue';
import { ACCEPTED, refuse, rootName, type CheckResult } from './result';

const ROOT_NAMES: readonly string[] = Object.values(OUTLET_ROOTS);

/**
 * Makes every root of an outlet document a Y.Map on the scratch copy before an update is applied,
 * so content a device pushed as another type (array items) lands where the check below sees it.
 */
export function prepareOutletDoc(scratch: Y.Doc): void {
  for (const name of ROOT_NAMES) scratch.getMap(name);
}

/** The menu the document holds, read as any reader does (see storedMenuSchema). */
function readMenu(scratch: Y.Doc): Menu | null {
  const parsed = storedMenuSchema.safeParse(scratch.getMap(OUTLET_ROOTS.menu).get('value'));
  return parsed.success ? parsed.data : null;
}

/** Ids an availability entry may name: the items on the menu and every option of their modifier groups. */
function availabilityKeys(menu: Menu | null): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const item of menu?.items ?? []) {
    ids.add(item.id);
    for (const group of item.modifierGroups) for (const option of group.options) ids.add(option.id);
  }
  return ids;
}

/** Why the value now under `root`/`key` may not be there, or null when it fits. */
function entryProblem(scratch: Y.Doc, outletId: OutletId, root: string, key: string, value: unknown): string | null {
  switch (root) {
    case OUTLET_ROOTS.profile: {
      if (key !== 'value') return `The profile is stored under "value", not "${key}".`;
      const parsed = outletProfileSchema.safeParse(value);
      if (!parsed.success) return `Not a valid outlet profile: ${firstIssueText(parsed.error)}`;
      if (parsed.data.id !== outletId) return `The profile of outlet ${outletId} must carry its id.`;
      const problem = profileProblem(parsed.data);
      return problem ? `Not a valid outlet profile: ${problem}` : null;
    }
    case OUTLET_ROOTS.menu: {
      if (key !== 'value') return `The menu is stored under "value", not "${key}".`;
      const parsed = menuSchema.safeParse(value);
      if (!parsed.success) return `Not a valid menu: ${firstIssueText(parsed.error)}`;
      const problem = menuProblem(parsed.data);
      return problem ? `Not a valid menu: ${problem}` : null;
    }
    case OUTLET_ROOTS.availability: {
      if (!availabilityKeys(readMenu(scratch)).has(key)) return `"${key}" is neither an item nor a modifier option on this menu.`;
      const parsed = availabilitySchema.safeParse(value);
      return parsed.success ? null : `Not a valid availability entry for "${key}": ${firstIssueText(parsed.error)}`;
    }
    case OUTLET_ROOTS.status: {
      const schema = key === STATUS_KEYS.paused ? pausedSchema : key === STATUS_KEYS.busy ? busySchema : null;
      if (!schema) return `The outlet status has only "${STATUS_KEYS.paused}" and "${STATUS_KEYS.busy}", not "${key}".`;
      const parsed = schema.safeParse(value);
      if (!parsed.success) return `Not a valid "${key}" entry: ${firstIssueText(parsed.error)}`;
      return 'auto' in parsed.data && parsed.data.auto !== undefined ? 'Only the server pauses an outlet for an offline tablet.' : null;
    }
    default:
      return `An outlet document has no "${root}".`;
  }
}

/**
 * Every key the update changed in an outlet document (which roots the actor may touch was checked
 * before): what is there now must fit its schema. Removing an availability or status entry is how
 * an item comes back or a pause ends early, so that is allowed; the profile and menu must stay.
 */
export function checkOutletWrite(scratch: Y.Doc, tr: Y.Transaction, outletId: OutletId): CheckResult {
  for (const [type, keys] of tr.changed) {
    const root = rootName(scratch, type);
    // Values are plain JSON, so a change inside a nested shared type is something no Dabba app makes.
    if (root === null || type._item !== null)
      return refuse('invalid_value', 'Outlet documents hold plain values only, not nested shared types.');
    const map = scratch.getMap<unknown>(root);
    for (const key of keys) {
      if (key === null) return refuse('invalid_value', `"${root}" holds keyed entries only.`);
      if (!map.has(key)) {
        if (root === OUTLET_ROOTS.profile || root === OUTLET_ROOTS.menu)
          return refuse('invalid_value', `The outlet ${root} cannot be removed, only replaced.`);
        continue;
      }
      const value = map.get(key);
      if (value instanceof Y.AbstractType)
        return refuse('invalid_value', 'Outlet documents hold plain values only, not nested shared types.');
      const problem = entryProblem(scratch, outletId, root, key, value);
      if (problem) return refuse('invalid_value', problem);
    }
  }
  return ACCEPTED;
}
