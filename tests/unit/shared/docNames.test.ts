import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADMIN_INBOX, docName, parseDocName, type DocRef } from '../../../shared/docNames';
import { ID_PATTERN, type OrderId, type OutletId, type TrackingToken, type UserId } from '../../../shared/ids';

const idArb = fc.stringMatching(ID_PATTERN);
const refArb: fc.Arbitrary<DocRef> = fc.oneof(
  idArb.map((id): DocRef => ({ kind: 'order', orderId: id as OrderId })),
  idArb.map((id): DocRef => ({ kind: 'outlet', outletId: id as OutletId })),
  idArb.map((id): DocRef => ({ kind: 'outletInbox', outletId: id as OutletId })),
  idArb.map((id): DocRef => ({ kind: 'driverInbox', driverId: id as UserId })),
  fc.constant<DocRef>({ kind: 'adminInbox' }),
  idArb.map((id): DocRef => ({ kind: 'track', token: id as TrackingToken })),
  idArb.map((id): DocRef => ({ kind: 'cashLedger', driverId: id as UserId })),
);

describe('docNames', () => {
  it('names every document as DESIGN.md spells it', () => {
    expect(docName({ kind: 'order', orderId: 'o1' as OrderId })).toBe('order:o1');
    expect(docName({ kind: 'outlet', outletId: 'x' as OutletId })).toBe('outlet:x');
    expect(docName({ kind: 'outletInbox', outletId: 'x' as OutletId })).toBe('inbox:outlet:x');
    expect(docName({ kind: 'driverInbox', driverId: 'd' as UserId })).toBe('inbox:driver:d');
    expect(docName({ kind: 'adminInbox' })).toBe('inbox:admin');
    expect(ADMIN_INBOX).toBe('inbox:admin');
    expect(docName({ kind: 'track', token: 'tok' as TrackingToken })).toBe('track:tok');
    expect(docName({ kind: 'cashLedger', driverId: 'd' as UserId })).toBe('cash:d');
  });

  it('parses back every name it makes', () => {
    fc.assert(
      fc.property(refArb, (ref) => {
        expect(parseDocName(docName(ref))).toEqual(ref);
      }),
    );
  });

  it('gives one name to one document: whatever parses, prints back to the same name', () => {
    const nameArb = fc.oneof(
      fc.string({
        unit: fc.constantFrom('order', 'outlet', 'inbox', 'driver', 'admin', 'track', 'cash', ':', 'a', '-', '_', '9', ' ', '/'),
        maxLength: 6,
      }),
      refArb.map(docName),
    );
    fc.assert(
      fc.property(nameArb, (name) => {
        const ref = parseDocName(name);
        if (ref !== null) expect(docName(ref)).toBe(name);
      }),
    );
  });

  it.each([
    ['', 'empty'],
    ['order', 'no id'],
    ['order:', 'empty id'],
    ['outlet:', 'empty id'],
    ['track:', 'empty token'],
    ['inbox:outlet:', 'empty outlet id'],
    ['inbox:driver:', 'empty driver id'],
    [':o1', 'empty kind'],
    ['order:o1:extra', 'extra colon'],
    ['order::o1', 'double colon'],
    ['outlet:o1:', 'trailing colon'],
    ['inbox:outlet:o1:x', 'extra colon'],
    ['inbox:admin:x', 'extra part'],
    ['inbox:admin:', 'trailing colon'],
    ['inbox', 'bare inbox'],
    ['inbox:o1', 'inbox without audience'],
    ['inbox:customer:c1', 'unknown audience'],
    ['inbox:order:o1', 'unknown audience'],
    ['menu:o1', 'unknown kind'],
    ['Order:o1', 'kinds are lower case'],
    ['order:o 1', 'space in id'],
    ['order:o1\n', 'trailing newline'],
    ['order:o/1', 'slash in id'],
    [`order:${'x'.repeat(65)}`, 'id longer than 64'],
  ])('rejects %j (%s)', (name) => {
    expect(parseDocName(name)).toBeNull();
  });
});
