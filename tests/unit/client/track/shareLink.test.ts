import { describe, expect, it } from 'vitest';
import { shareOrCopy, sharesNatively, type ShareDevice } from '../../../../client/track/share/shareLink';

const LINK = { title: 'Your order', text: 'Follow my order', url: 'https://dabba.test/track/abc' };

function device(share: 'works' | 'closed' | 'breaks' | 'none', clipboard: 'works' | 'breaks' | 'none') {
  const copied: string[] = [];
  const shared: ShareData[] = [];
  const fail = (name: string) => Object.assign(new Error(name), { name });
  const d: ShareDevice = {
    share:
      share === 'none'
        ? undefined
        : async (data) => {
            if (share === 'closed') throw fail('AbortError');
            if (share === 'breaks') throw fail('NotAllowedError');
            shared.push(data);
          },
    clipboard:
      clipboard === 'none'
        ? undefined
        : {
            writeText: async (text) => {
              if (clipboard === 'breaks') throw fail('NotAllowedError');
              copied.push(text);
            },
          },
  };
  return { d, copied, shared };
}

describe('sharing the tracking link', () => {
  it('opens the share sheet where there is one, and copies nothing', async () => {
    const { d, copied, shared } = device('works', 'works');
    expect(sharesNatively(d)).toBe(true);
    expect(await shareOrCopy(d, LINK)).toBe('shared');
    expect(shared).toEqual([LINK]);
    expect(copied).toEqual([]);
  });

  it('says nothing when the customer closes the share sheet', async () => {
    const { d, copied } = device('closed', 'works');
    expect(await shareOrCopy(d, LINK)).toBe('dismissed');
    expect(copied).toEqual([]);
  });

  it('copies the link where there is no share sheet, or it fails', async () => {
    for (const share of ['none', 'breaks'] as const) {
      const { d, copied } = device(share, 'works');
      expect(await shareOrCopy(d, LINK)).toBe('copied');
      expect(copied).toEqual([LINK.url]);
    }
    expect(sharesNatively(device('none', 'works').d)).toBe(false);
  });

  it('asks the customer to copy it by hand when the clipboard is missing or refused', async () => {
    expect(await shareOrCopy(device('none', 'none').d, LINK)).toBe('manual');
    expect(await shareOrCopy(device('none', 'breaks').d, LINK)).toBe('manual');
  });
});
