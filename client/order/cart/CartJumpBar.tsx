import type { MenuItem } from '../api/catalogApi';
import { price } from '../money';
import { describeLine } from './cartRules';
import type { CartState } from './cartStore';

interface Props {
  readonly cart: CartState;
  readonly items: readonly MenuItem[];
  readonly currency: string;
  /** The cart or checkout is on screen: the bar would only cover them (and their own orange buttons). */
  readonly cartInView: boolean;
}

/** On a phone the cart is below a long menu: a bar at the thumb takes the customer there, with what it holds. */
export function CartJumpBar({ cart, items, currency, cartInView }: Props) {
  const count = cart.lines.reduce((sum, l) => sum + l.qty, 0);
  if (count === 0 || cartInView) return null;
  const estimate = cart.lines.reduce((sum, line) => sum + describeLine(items, line).lineTotal, 0);
  return (
    <a className="cart-jump" href="#cart-title">
      Go to cart · {count} {count === 1 ? 'item' : 'items'} · {price(estimate, currency)}
    </a>
  );
}
