import * as Y from 'yjs';
import type { RejectCode } from '../../../shared/protocol/rejectCodes';

export interface Refusal { readonly ok: false; readonly code: RejectCode; readonly message: string }
export type CheckResult = { readonly ok: true; readonly changed: boolean } | Refusal;

export const refuse = (code: RejectCode, message: string): Refusal => ({ ok: false, code, message });
export const ACCEPTED: CheckResult = { ok: true, changed: true };

interface Typed { readonly _item: Y.Item | null }

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
