import type * as Y from 'yjs';
import { menuSchema, outletProfileSchema, type Menu, type OutletProfile } from '../../../../shared/catalog/menu';
import { menuProblem, profileProblem } from '../../../../shared/catalog/menuRules';
import { OUTLET_ROOTS, readCatalog } from '../../../../shared/catalog/outletDoc';
import { outletDocName } from '../../../../shared/docNames';
import type { OutletId } from '../../../../shared/ids';
import type { Actor } from '../../../../shared/roles';
import { firstIssueText } from '../../../../shared/zodIssue';
import { done, refuse, type CommandOutcome } from '../../../common/commands/commandOutcome';

/** What the edits need: who acts, and the documents the device holds (the order commands' context has both). */
export interface OutletEditContext {
  readonly actor: Actor;
  readonly docs: { get(docName: string): Y.Doc | undefined };
}

function adminDoc(ctx: OutletEditContext, outletId: OutletId): Y.Doc | string {
  if (ctx.actor.role !== 'admin') return 'Only an admin can change an outlet’s profile or menu.';
  return ctx.docs.get(outletDocName(outletId)) ?? 'This outlet’s document is not on this device yet.';
}

/**
 * Replaces the outlet's profile (name, place, hours, closures, zones), checked with the same schema
 * and rules the server applies, so what is saved here is what the server will accept.
 */
export function saveProfile(ctx: OutletEditContext, outletId: OutletId, profile: OutletProfile): CommandOutcome {
  const doc = adminDoc(ctx, outletId);
  if (typeof doc === 'string') return refuse(doc);
  const parsed = outletProfileSchema.safeParse(profile);
  if (!parsed.success) return refuse(`Not saved: ${firstIssueText(parsed.error)}`);
  if (parsed.data.id !== outletId) return refuse('Not saved: this profile belongs to another outlet.');
  const problem = profileProblem(parsed.data);
  if (problem) return refuse(`Not saved: ${problem}`);
  doc.getMap(OUTLET_ROOTS.profile).set('value', parsed.data);
  return done;
}

/**
 * Replaces the menu. Availability entries for items and options no longer on it go in the same
 * change: one left behind would mark a later item with the same id unavailable.
 */
export function saveMenu(ctx: OutletEditContext, outletId: OutletId, menu: Menu): CommandOutcome {
  const doc = adminDoc(ctx, outletId);
  if (typeof doc === 'string') return refuse(doc);
  const parsed = menuSchema.safeParse(menu);
  if (!parsed.success) return refuse(`Not saved: ${firstIssueText(parsed.error)}`);
  const problem = menuProblem(parsed.data);
  if (problem) return refuse(`Not saved: ${problem}`);
  const keep = new Set(parsed.data.items.flatMap((item) => [item.id, ...item.modifierGroups.flatMap((g) => g.options.map((o) => o.id))]));
  doc.transact(() => {
    doc.getMap(OUTLET_ROOTS.menu).set('value', parsed.data);
    const availability = doc.getMap(OUTLET_ROOTS.availability);
    for (const key of [...availability.keys()]) if (!keep.has(key)) availability.delete(key);
  });
  return done;
}

/** Writes a new outlet's first profile and menu into its (empty) document, in one change. */
export function setUpOutlet(ctx: OutletEditContext, outletId: OutletId, profile: OutletProfile, menu: Menu): CommandOutcome {
  if (ctx.actor.role !== 'admin') return refuse('Only an admin can add an outlet.');
  const doc = ctx.docs.get(outletDocName(outletId));
  if (!doc) return refuse('The new outlet’s document could not be opened on this device.');
  if (readCatalog(doc)) return refuse('An outlet with this id exists already.');
  const parsedProfile = outletProfileSchema.safeParse(profile);
  if (!parsedProfile.success) return refuse(`Not added: ${firstIssueText(parsedProfile.error)}`);
  if (parsedProfile.data.id !== outletId) return refuse('Not added: the profile carries another outlet’s id.');
  const parsedMenu = menuSchema.safeParse(menu);
  if (!parsedMenu.success) return refuse(`Not added: ${firstIssueText(parsedMenu.error)}`);
  doc.transact(() => {
    doc.getMap(OUTLET_ROOTS.profile).set('value', parsedProfile.data);
    doc.getMap(OUTLET_ROOTS.menu).set('value', parsedMenu.data);
  });
  return done;
}
