import * as Y from 'yjs';
import type { OrderEvent } from '../../../shared/order/events';
import type { CheckedEntries } from '../orderLog';
import type { RejectCode } from '../../../shared/protocol/rejectCodes';
import { fail, ok, type Fail, type Result } from '../../../shared/result';

/** An update refused with the reject code the device is told. */
export type Refusal = Fail<RejectCode>;
/**
 * `changed`: false when the update brings nothing the document does not already hold. `events`: the order
 * events it adds (what the outbox records with the commit), empty for every other change. `checked`: how
 * the order log read them, for OrderLog.applyChecked.
 */
export type CheckResult = Result<
  { readonly changed: boolean; readonly events: readonly OrderEvent[]; readonly checked?: CheckedEntries },
  RejectCode
>;

export const refuse = (code: RejectCode, message: string): Refusal => fail(code, message);
export const ACCEPTED: CheckResult = ok({ changed: true, events: [] });
export const UNCHANGED: CheckResult = ok({ changed: false, events: [] });
/** Accepted, adding these order events. */
export const appended = (events: readonly OrderEvent[], checked?: CheckedEntries): CheckResult =>
  ok(checked ? { changed: true, events, checked } : { changed: true, events });

interface Typed {
  readonly _item: Y.Item | null;
}

/** The name of the root type that `type` lives under, or null when it hangs off nothing the document knows. */
export function rootName(doc: Y.Doc, type: Typed): string | null {
  let current: Typed = type;
  while (current._item !== null) {
    const parent = current._item.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    current = parent;
  }
  for (const [name, root] of doc.share) if (root === current) return name;
  return null;
}
