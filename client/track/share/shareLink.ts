/** What the page can reach of the browser's sharing: the system share sheet and the clipboard, either may be missing. */
export interface ShareDevice {
  readonly share?: ((data: ShareData) => Promise<void>) | undefined;
  readonly clipboard?: { writeText(text: string): Promise<void> } | undefined;
}

/**
 * How sharing went. 'dismissed': the customer closed the share sheet, nothing to say; 'manual': neither
 * the sheet nor the clipboard worked (an old browser, or a page not served over https), so the page
 * shows the link to copy by hand.
 */
export type ShareResult = 'shared' | 'copied' | 'dismissed' | 'manual';

/** The browser's own, without assuming either part exists (Navigator's types say they always do). */
export function browserShareDevice(): ShareDevice {
  const nav: Partial<Navigator> = navigator;
  return {
    share: typeof nav.share === 'function' ? (data) => nav.share?.(data) ?? Promise.resolve() : undefined,
    clipboard: nav.clipboard ? { writeText: (text) => nav.clipboard?.writeText(text) ?? Promise.resolve() } : undefined,
  };
}

/** Phones: the system share sheet (message, mail, any app); elsewhere the link is copied. */
export const sharesNatively = (device: ShareDevice): boolean => device.share !== undefined;

/**
 * Shares the tracking link through the share sheet when there is one, else copies it. A share sheet that
 * fails for any reason but the customer closing it falls back to copying, so the button always does something.
 */
export async function shareOrCopy(
  device: ShareDevice,
  data: { readonly title: string; readonly text: string; readonly url: string },
): Promise<ShareResult> {
  if (device.share) {
    try {
      await device.share({ title: data.title, text: data.text, url: data.url });
      return 'shared';
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') return 'dismissed';
    }
  }
  if (!device.clipboard) return 'manual';
  try {
    await device.clipboard.writeText(data.url);
    return 'copied';
  } catch {
    return 'manual';
  }
}
