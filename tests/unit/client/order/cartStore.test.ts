import { describe, expect, it } from 'vitest';
import { memoryStorage, type KeyValueStorage } from '../../../../client/common/store/keyValueStorage';
import { cartStorageKey, CartStore } from '../../../../client/order/cart/cartStore';

const chutney = [{ groupId: 'chutney', optionId: 'coconut' }];

function keys(): () => string {
  let n = 0;
  return () => `key-${++n}`;
}

describe('CartStore', () => {
  it('keeps the cart and the checkout form across a reload', () => {
    const storage = memoryStorage();
    const first = new CartStore(storage, 'demo-outlet');
    first.add('masala-dosa', chutney, 2);
    first.updateDraft({
      type: 'delivery',
      addressText: '4 Church St',
      pin: { lat: 12.97, lng: 77.6 },
      name: 'Asha',
      phone: '+91 98450 12345',
    });

    const reloaded = new CartStore(storage, 'demo-outlet');
    expect(reloaded.snapshot.lines).toEqual(first.snapshot.lines);
    expect(reloaded.snapshot.draft).toEqual(first.snapshot.draft);
  });

  it('keeps one cart per outlet', () => {
    const storage = memoryStorage();
    new CartStore(storage, 'a').add('plain-dosa', []);
    expect(new CartStore(storage, 'b').snapshot.lines).toEqual([]);
    expect(new CartStore(storage, 'a').snapshot.lines).toHaveLength(1);
  });

  it('adds the same item with the same choices to one line, whatever order they were ticked in', () => {
    const store = new CartStore(memoryStorage(), 'o');
    store.add('masala-dosa', [
      { groupId: 'chutney', optionId: 'coconut' },
      { groupId: 'chutney', optionId: 'mint' },
    ]);
    store.add(
      'masala-dosa',
      [
        { groupId: 'chutney', optionId: 'mint' },
        { groupId: 'chutney', optionId: 'coconut' },
      ],
      2,
    );
    store.add('masala-dosa', chutney);
    expect(store.snapshot.lines.map((l) => l.qty)).toEqual([3, 1]);
  });

  it('holds quantities between 1 and 99', () => {
    const store = new CartStore(memoryStorage(), 'o');
    store.add('plain-dosa', [], 98);
    store.add('plain-dosa', [], 5);
    const key = store.snapshot.lines[0]?.key ?? '';
    expect(store.snapshot.lines[0]?.qty).toBe(99);
    store.setQty(key, 0);
    expect(store.snapshot.lines[0]?.qty).toBe(1);
    store.setQty(key, 2.6);
    expect(store.snapshot.lines[0]?.qty).toBe(3);
    store.remove(key);
    expect(store.snapshot.lines).toEqual([]);
  });

  it('gives a retried order the same idempotency key, also after a reload', () => {
    const storage = memoryStorage();
    const store = new CartStore(storage, 'o', keys());
    store.add('plain-dosa', []);
    const key = store.keyFor('{"order":1}');
    expect(store.keyFor('{"order":1}')).toBe(key);
    expect(new CartStore(storage, 'o', keys()).keyFor('{"order":1}')).toBe(key);
  });

  it('gives a changed order a new key, since the server refuses one key for two bodies', () => {
    const store = new CartStore(memoryStorage(), 'o', keys());
    const first = store.keyFor('{"order":1}');
    const second = store.keyFor('{"order":2}');
    expect(second).not.toBe(first);
    expect(store.snapshot.pending).toEqual({ key: second, body: '{"order":2}' });
  });

  it('empties the cart and forgets the key once the order is placed, keeping who and where', () => {
    const storage = memoryStorage();
    const makeKey = keys();
    const store = new CartStore(storage, 'o', makeKey);
    store.add('plain-dosa', []);
    store.updateDraft({ name: 'Asha', phone: '+91 98450 12345', notes: 'no onions' });
    const key = store.keyFor('{"order":1}');
    store.placed();
    const reloaded = new CartStore(storage, 'o', makeKey);
    expect(reloaded.snapshot.lines).toEqual([]);
    expect(reloaded.snapshot.pending).toBeNull();
    expect(reloaded.snapshot.draft).toMatchObject({ name: 'Asha', phone: '+91 98450 12345', notes: '' });
    expect(reloaded.keyFor('{"order":1}')).not.toBe(key);
  });

  it('starts empty from a corrupted or foreign stored value', () => {
    const storage = memoryStorage();
    storage.setItem(cartStorageKey('o'), '{not json');
    expect(new CartStore(storage, 'o').snapshot.lines).toEqual([]);
    storage.setItem(cartStorageKey('o'), JSON.stringify({ v: 99, lines: 'many' }));
    expect(new CartStore(storage, 'o').snapshot.lines).toEqual([]);
  });

  it('still works when storage refuses writes', () => {
    const full: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const store = new CartStore(full, 'o');
    store.add('plain-dosa', []);
    expect(store.snapshot.lines).toHaveLength(1);
  });

  it('takes the cart another tab saved, key included', () => {
    const storage = memoryStorage();
    const here = new CartStore(storage, 'o', keys());
    const otherTab = new CartStore(storage, 'o', () => 'other-tab-key');
    otherTab.add('plain-dosa', [], 2);
    const key = otherTab.keyFor('{"order":1}');
    let told = 0;
    here.subscribe(() => {
      told += 1;
    });
    here.reloadFromStorage();
    expect(told).toBe(1);
    expect(here.snapshot.lines).toEqual(otherTab.snapshot.lines);
    expect(here.keyFor('{"order":1}')).toBe(key);
  });

  it('tells subscribers about each change', () => {
    const store = new CartStore(memoryStorage(), 'o');
    let calls = 0;
    const unsubscribe = store.subscribe(() => {
      calls += 1;
    });
    store.add('plain-dosa', []);
    unsubscribe();
    store.add('plain-dosa', []);
    expect(calls).toBe(1);
  });
});
