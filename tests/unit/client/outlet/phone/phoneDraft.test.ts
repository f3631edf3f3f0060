import { describe, expect, it } from 'vitest';
import { phoneOrderRequestSchema } from '../../../../../shared/api/phoneOrder';
import {
  addLine,
  changeQty,
  draftToRequest,
  EMPTY_DRAFT,
  parseLocation,
  requestToDraft,
} from '../../../../../client/outlet/phone/phoneDraft';

const NOW = 1_700_000_000_000;

describe('the phone-order form', () => {
  it('merges the same item with the same options into one line, and keeps different options apart', () => {
    let lines = addLine([], 'thali', [{ groupId: 'size', optionId: 'large' }]);
    lines = addLine(lines, 'thali', [{ groupId: 'size', optionId: 'large' }]);
    lines = addLine(lines, 'thali', [{ groupId: 'size', optionId: 'regular' }]);
    expect(lines.map((l) => [l.itemId, l.qty])).toEqual([
      ['thali', 2],
      ['thali', 1],
    ]);
  });

  it('removes a line whose quantity reaches zero and caps quantities at 99', () => {
    const lines = addLine([], 'chai', []);
    expect(changeQty(lines, lines[0]?.key ?? '', -1)).toEqual([]);
    expect(changeQty(lines, lines[0]?.key ?? '', 500)[0]?.qty).toBe(99);
  });

  it('reads a pasted map location', () => {
    expect(parseLocation('12.9716, 77.5946')).toEqual({ lat: 12.9716, lng: 77.5946 });
    expect(parseLocation('12.97 77.59')).toEqual({ lat: 12.97, lng: 77.59 });
    expect(parseLocation('MG Road')).toBeNull();
  });

  it('becomes the request the server expects, marked as a phone order with the time it was entered', () => {
    const draft = {
      ...EMPTY_DRAFT,
      type: 'delivery' as const,
      name: ' Meera ',
      phone: '+91 98450 11111',
      address: '2 Brigade Road',
      location: '12.96, 77.6',
      notes: 'no onions',
      lines: addLine([], 'chai', []),
    };
    const request = draftToRequest(draft, 'outlet-1', NOW, 20);
    expect(request).toEqual({
      outletId: 'outlet-1',
      type: 'delivery',
      items: [{ itemId: 'chai', qty: 1 }],
      customer: { name: 'Meera', phone: '+91 98450 11111' },
      address: { text: '2 Brigade Road', lat: 12.96, lng: 77.6 },
      notes: 'no onions',
      payment: { method: 'cash' },
      source: 'phone',
      enteredAt: NOW,
      prepMinutes: 20,
    });
    expect(phoneOrderRequestSchema.safeParse(request).success).toBe(true);
  });

  it('goes back into the form unchanged, keeping when the caller was first taken down', () => {
    const request = phoneOrderRequestSchema.parse(
      draftToRequest(
        {
          ...EMPTY_DRAFT,
          type: 'dine-in',
          name: 'Ravi',
          phone: '080 4000 1234',
          table: '7',
          lines: addLine([], 'thali', [{ groupId: 'size', optionId: 'large' }]),
        },
        'outlet-1',
        NOW,
        25,
      ),
    );
    const draft = requestToDraft(request);
    expect(draft).toMatchObject({ type: 'dine-in', name: 'Ravi', table: '7', enteredAt: NOW, prepMinutes: 25 });
    // The prep time promised to the caller stays, whatever the usual time is by now.
    expect(draftToRequest(draft, 'outlet-1', NOW + 60_000, 40)).toEqual(request);
  });
});
