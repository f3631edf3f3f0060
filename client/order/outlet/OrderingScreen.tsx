import { useEffect, useMemo, useRef } from 'react';
import type { OutletMenu } from '../api/catalogApi';
import { CartJumpBar } from '../cart/CartJumpBar';
import { CartPanel } from '../cart/CartPanel';
import { countsByItem } from '../cart/cartRules';
import { useCartState, useCartStore } from '../cart/useCart';
import { useReorder } from '../cart/useReorder';
import { CheckoutForm } from '../checkout/CheckoutForm';
import { ReviewPanel } from '../checkout/ReviewPanel';
import { useCardOffered } from '../checkout/useCardOffered';
import { useCheckout } from '../checkout/useCheckout';
import { useZoneCheck } from '../checkout/useZoneCheck';
import { MenuSection } from '../menu/MenuSection';
import { OutletHeader } from './OutletHeader';
import { orderEstimate } from './orderEstimate';
import { useInView } from './useInView';

interface Props {
  readonly outletId: string;
  readonly menu: OutletMenu;
  readonly table: string | null;
  readonly navigate: (path: string) => void;
}

/** Menu on one side, cart and checkout on the other (stacked on a phone). */
export function OrderingScreen({ outletId, menu, table, navigate }: Props) {
  const store = useCartStore(outletId);
  const cart = useCartState(store);
  const reorderLeft = useReorder(store, menu.items);
  const outletPin = useMemo(() => ({ lat: menu.outlet.lat, lng: menu.outlet.lng }), [menu.outlet.lat, menu.outlet.lng]);
  const cardOffered = useCardOffered();
  const checkout = useCheckout(store, cart, outletId, outletPin, navigate, cardOffered, menu.outlet);
  const { phase, errors } = checkout;
  const pin = cart.draft.pin ?? outletPin;
  const zone = useZoneCheck(outletId, cart, pin);
  const side = useRef<HTMLElement>(null);
  const sideInView = useInView(side);
  const inCart = useMemo(() => countsByItem(cart.lines), [cart.lines]);
  const estimate = menu.ordering.open ? orderEstimate(menu, cart.draft) : null;

  // A table's link chooses dine-in at that table; the customer can still change either.
  useEffect(() => {
    if (table && menu.outlet.orderTypes.includes('dine-in')) store.updateDraft({ type: 'dine-in', table });
  }, [store, table, menu.outlet.orderTypes]);

  const reviewing = phase.kind === 'review' || phase.kind === 'placing';
  return (
    <>
      <OutletHeader menu={menu} estimate={estimate} />
      <main className="app-main ordering">
        {reorderLeft > 0 ? (
          <p className="banner banner--warn" role="status">
            {reorderLeft === 1 ? 'One item' : `${reorderLeft} items`} from your last order can't be ordered now, so we left{' '}
            {reorderLeft === 1 ? 'it' : 'them'} out of your cart.
          </p>
        ) : null}
        <MenuSection
          menu={menu}
          canOrder={menu.ordering.open}
          inCart={inCart}
          chipsGiveWay={sideInView && cart.lines.length > 0}
          onAdd={(itemId, modifiers, qty) => store.add(itemId, modifiers, qty)}
        />
        <aside ref={side} className="ordering__side" aria-label="Cart and checkout">
          <CartPanel
            cart={cart}
            items={menu.items}
            currency={menu.outlet.currency}
            locked={reviewing}
            error={errors.cart}
            estimate={estimate}
            onQty={(key, qty) => store.setQty(key, qty)}
            onRemove={(key) => store.remove(key)}
          />
          {reviewing ? (
            <ReviewPanel
              quote={phase.quote}
              request={phase.request}
              placing={phase.kind === 'placing'}
              mayBePlaced={checkout.mayBePlaced}
              error={errors.form}
              onPlace={() => void checkout.place()}
              onEdit={checkout.edit}
            />
          ) : cart.lines.length > 0 ? (
            <CheckoutForm
              menu={menu}
              draft={cart.draft}
              pin={pin}
              zone={zone}
              errors={errors}
              linkedTable={table}
              busy={phase.kind === 'quoting'}
              cardOffered={cardOffered}
              onChange={(patch) => store.updateDraft(patch)}
              onReview={() => void checkout.review()}
            />
          ) : null}
        </aside>
      </main>
      <CartJumpBar cart={cart} items={menu.items} currency={menu.outlet.currency} cartInView={sideInView} />
    </>
  );
}
