import { addMoney, formatMoney, money, MoneySchema, multiplyMoney, type Money } from '../money';
import type { ItemId } from '../ids';
import type { OrderLine } from '../order/header';
import type { OrderType } from '../order/status';
import type { DeliveryZone } from './menu';
import { applyTaxes, type TaxLine } from './taxes';
import { isAvailable, takingOrders, type Catalog } from './outletDoc';
import { fail, ok, type Result } from '../result';
import { zoneFor, type LatLng } from './zones';

export interface CartLine {
  readonly itemId: string;
  readonly qty: number;
  readonly modifiers?: readonly { readonly groupId: string; readonly optionId: string }[] | undefined;
}

export type PricingRefusal =
  | 'unknown_item'
  | 'item_unavailable'
  | 'invalid_modifiers'
  | 'bad_quantity'
  | 'below_minimum'
  | 'empty_cart'
  | 'outlet_closed'
  | 'outlet_paused'
  | 'order_type_unavailable'
  | 'address_required'
  | 'outside_zone'
  | 'above_maximum';

export interface PricedOrder {
  readonly lines: OrderLine[];
  readonly subtotal: Money;
  readonly deliveryFee: Money;
  /** Per the outlet's tax settings; exclusive ones are in `total`, inclusive ones inside the prices. */
  readonly taxes: TaxLine[];
  readonly total: Money;
  /** The zone that priced the delivery; null for pickup and dine-in. */
  readonly zone: DeliveryZone | null;
}

export type Pricing = Result<PricedOrder, PricingRefusal>;

const refuse = (code: PricingRefusal, message: string): Pricing => fail(code, message);

export interface PricingOptions {
  /**
   * Staff entering an order themselves (a phone order) have decided to take it: opening hours and a
   * pause do not refuse it. Everything else (type, zone, items, minimum) still does.
   */
  readonly ignoreOpening?: boolean;
}

/**
 * Prices a cart from the catalog alone: the server's authority on what an order costs, and whether
 * the outlet takes it now (open, not paused, that order type, a delivery address inside a zone).
 */
export function priceOrder(
  catalog: Catalog,
  cart: readonly CartLine[],
  type: OrderType,
  now: number,
  address?: LatLng,
  options: PricingOptions = {},
): Pricing {
  const taking = takingOrders(catalog, now);
  if (!taking.ok && !options.ignoreOpening) return taking;
  if (!catalog.profile.orderTypes.includes(type))
    return refuse('order_type_unavailable', `${catalog.profile.name} does not take ${type} orders.`);
  let zone: DeliveryZone | null = null;
  if (type === 'delivery') {
    if (!address) return refuse('address_required', 'A delivery order needs an address.');
    zone = zoneFor(catalog.profile.zones, address);
    if (!zone) return refuse('outside_zone', `${catalog.profile.name} does not deliver to this address.`);
  }
  if (cart.length === 0) return refuse('empty_cart', 'The order has no items.');
  const lines: OrderLine[] = [];
  for (const line of cart) {
    const item = catalog.menu.items.find((i) => i.id === line.itemId);
    if (!item) return refuse('unknown_item', `There is no item "${line.itemId}" on this menu.`);
    if (!Number.isInteger(line.qty) || line.qty < 1 || line.qty > 99) {
      return refuse('bad_quantity', `Quantity for ${item.name} must be a whole number from 1 to 99.`);
    }
    if (!isAvailable(catalog, item.id, now)) return refuse('item_unavailable', `${item.name} is not available right now.`);
    const chosen = line.modifiers ?? [];
    const modifiers: OrderLine['modifiers'] = [];
    for (const group of item.modifierGroups) {
      const picks = chosen.filter((m) => m.groupId === group.id);
      if (new Set(picks.map((m) => m.optionId)).size !== picks.length) {
        return refuse('invalid_modifiers', `${item.name}: each option of "${group.name}" can be chosen once.`);
      }
      if (picks.length < group.min || picks.length > group.max) {
        return refuse(
          'invalid_modifiers',
          `${item.name}: choose ${group.min === group.max ? group.min : `${group.min} to ${group.max}`} of "${group.name}".`,
        );
      }
      for (const pick of picks) {
        const option = group.options.find((o) => o.id === pick.optionId);
        if (!option) return refuse('invalid_modifiers', `${item.name}: "${pick.optionId}" is not an option of "${group.name}".`);
        if (!isAvailable(catalog, option.id, now))
          return refuse('item_unavailable', `${item.name}: ${option.name} is not available right now.`);
        modifiers.push({ groupId: group.id, optionId: option.id, name: option.name, price: money(option.price) });
      }
    }
    if (chosen.some((m) => !item.modifierGroups.some((g) => g.id === m.groupId))) {
      return refuse('invalid_modifiers', `${item.name} has no such modifier group.`);
    }
    const unitPrice = addMoney(money(item.price), ...modifiers.map((m) => money(m.price)));
    lines.push({
      itemId: item.id as ItemId,
      name: item.name,
      qty: line.qty,
      unitPrice,
      modifiers,
      lineTotal: multiplyMoney(unitPrice, line.qty),
    });
  }
  const subtotal = addMoney(...lines.map((l) => l.lineTotal));
  const deliveryFee = money(zone ? zone.fee : 0);
  if (zone && subtotal < zone.minimumOrder) {
    return refuse(
      'below_minimum',
      `The minimum for delivery to ${zone.name} is ${formatMoney(zone.minimumOrder, catalog.profile.currency)}; this order is ${formatMoney(subtotal, catalog.profile.currency)}.`,
    );
  }
  const { taxes, added } = applyTaxes(catalog.profile.taxes, subtotal, deliveryFee);
  const total = addMoney(subtotal, deliveryFee, added);
  // An order header holds amounts up to MoneySchema's maximum; every other amount here is at most the total.
  if (!MoneySchema.safeParse(total).success) {
    return refuse('bad_quantity', `This order is too large to take online; please call ${catalog.profile.name}.`);
  }
  // Past the outlet's limit an order is a risk it has not agreed to (cash it may never see): refused, with the way out.
  const { maxOrderValue, currency, name, phone } = catalog.profile;
  if (total > maxOrderValue) {
    return refuse(
      'above_maximum',
      `${name} takes orders up to ${formatMoney(maxOrderValue, currency)} online; this one is ${formatMoney(total, currency)}. Remove some items${phone ? ` or call ${phone}` : ''}.`,
    );
  }
  return ok({ lines, subtotal, deliveryFee, taxes, total, zone });
}
