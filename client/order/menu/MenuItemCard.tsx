import type { MenuItem } from '../api/catalogApi';
import { price } from '../money';

/** The photo's box in CSS pixels: set on the element so the card never moves when it arrives. */
const PHOTO_SIZE = 96;

interface Props {
  readonly item: MenuItem;
  readonly currency: string;
  /** False while the outlet is closed or paused: the item stays readable, nothing is addable. */
  readonly canOrder: boolean;
  /** How many of this item the cart holds, over all its choices. */
  readonly inCart: number;
  readonly onChoose: () => void;
  readonly onAdd: () => void;
}

/** One dish: its photo when it has one (none: no empty box), name, description, price and what is in the cart. */
export function MenuItemCard({ item, currency, canOrder, inCart, onChoose, onAdd }: Props) {
  return (
    <article className="card menu-item" aria-label={item.name} data-available={item.available} data-photo={item.photo ? 'yes' : 'no'}>
      <div className="menu-item__text">
        <h4>{item.name}</h4>
        {item.description ? <p className="muted">{item.description}</p> : null}
        <p className="menu-item__price">
          {price(item.price, currency)}
          {inCart > 0 ? <span className="badge menu-item__in-cart">{inCart} in cart</span> : null}
        </p>
      </div>
      {item.photo ? (
        <img
          className="menu-item__photo"
          src={item.photo}
          alt={item.name}
          width={PHOTO_SIZE}
          height={PHOTO_SIZE}
          loading="lazy"
          decoding="async"
        />
      ) : null}
      {!item.available ? (
        <p className="menu-item__out">Not available right now</p>
      ) : canOrder ? (
        <button type="button" className="button menu-item__add" onClick={item.modifierGroups.length > 0 ? onChoose : onAdd}>
          {item.modifierGroups.length > 0 ? 'Choose options' : 'Add to cart'}
        </button>
      ) : null}
    </article>
  );
}
