import type { Catalog } from '../../../shared/catalog/outletDoc';

/** A cart line as the request (or the form) holds it. */
export interface ItemRef {
  readonly itemId: string;
  readonly qty: number;
  readonly modifiers?: readonly { readonly groupId: string; readonly optionId: string }[] | undefined;
}

export interface DescribedLine {
  readonly qty: number;
  readonly name: string;
  readonly modifiers: readonly string[];
}

/** A phone order's lines in words, from the outlet's menu (ids stand in for names the menu lacks). */
export function describeItems(items: readonly ItemRef[], catalog: Catalog | null): DescribedLine[] {
  return items.map((line) => {
    const item = catalog?.menu.items.find((i) => i.id === line.itemId);
    const modifiers = (line.modifiers ?? []).map((m) => {
      const option = item?.modifierGroups.find((g) => g.id === m.groupId)?.options.find((o) => o.id === m.optionId);
      return option?.name ?? m.optionId;
    });
    return { qty: line.qty, name: item?.name ?? line.itemId, modifiers };
  });
}
