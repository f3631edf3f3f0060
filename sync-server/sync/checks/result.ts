import * as Y from 'yjs';
import type { RejectCode } from '../../../shared/protocol/rejectCodes';
import { fail, ok, type Fail, type Result } from '../../../shared/result';

/** An update refused with the reject code the device is told. */
export type Refusal = Fail<RejectCode>;
/** `changed`: false when the update brings nothing the document does not already hold. */
export type CheckResult = Result<{ readonly changed: boolean }, RejectCode>;

export const refuse = (code: RejectCode, message: string): Refusal => fail(code, message);
export const ACCEPTED: CheckResult = ok({ changed: true });
export const UNCHANGED: CheckResult = ok({ changed: false });

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
