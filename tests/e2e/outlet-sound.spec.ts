import { expect, test, type Page } from '@playwright/test';
import { withServerAndTablet } from './support/outletDevice';
import { orderCard } from './support/outletPage';
import { placePickupOrder } from './support/placeOrder';

/**
 * Headless Chromium lets every page play sound, so this plays the part of a real browser's autoplay
 * policy with the browser's own pieces: a new AudioContext is suspended, and resuming it works only
 * during a real user gesture (`navigator.userActivation`). It also counts the notes played.
 */
function blockSoundUntilTapped(): void {
  const w = window as Window & { dabbaTones?: number };
  w.dabbaTones = 0;
  const Original = window.AudioContext;
  const createOscillator = Original.prototype.createOscillator;
  Original.prototype.createOscillator = function (this: AudioContext) {
    w.dabbaTones = (w.dabbaTones ?? 0) + 1;
    return createOscillator.call(this);
  };
  window.AudioContext = class extends Original {
    constructor(options?: AudioContextOptions) {
      super(options);
      void super.suspend();
    }

    override resume(): Promise<void> {
      return navigator.userActivation.isActive ? super.resume() : Promise.resolve();
    }
  };
}
const tones = (page: Page): Promise<number> => page.evaluate(() => (window as Window & { dabbaTones?: number }).dabbaTones ?? 0);

test('when the browser blocks sound the tablet says so until tapped; mute silences the ring, acknowledge ends it; a late order escalates', async () => {
  await withServerAndTablet(async (server, device) => {
    let page = await device.open(blockSoundUntilTapped);
    await device.signIn(page);
    await device.close();
    // A fresh start with nobody touching the screen: sound is blocked and the tablet says so.
    page = await device.open(blockSoundUntilTapped);
    const alert = page.getByRole('region', { name: 'New order alert' });
    const unlock = page.getByRole('button', { name: 'Sound is blocked — tap to enable' });
    await expect(unlock).toBeVisible();
    await expect(alert).toHaveAttribute('data-sound', 'blocked');

    await placePickupOrder(server.url, 'Quiet Customer');
    await expect(orderCard(page, 'Quiet Customer')).toBeVisible();
    await expect(alert).toHaveAttribute('data-ringing', 'true');
    expect(await tones(page)).toBe(0);

    await unlock.click();
    await expect(unlock).toBeHidden();
    await expect(alert).toHaveAttribute('data-sound', 'running');
    await expect.poll(() => tones(page)).toBeGreaterThanOrEqual(2);

    // Mute: the alert stays on screen, the tone stops.
    const mute = page.getByRole('button', { name: 'Mute' });
    await mute.click();
    await expect(mute).toHaveAttribute('aria-pressed', 'true');
    const muted = await tones(page);
    await page.waitForTimeout(3_500);
    expect(await tones(page)).toBe(muted);
    await expect(alert).toHaveAttribute('data-ringing', 'true');
    await expect(alert).toContainText('sound muted');

    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(alert).toHaveAttribute('data-ringing', 'false');
    await expect(orderCard(page, 'Quiet Customer').getByText(/Status: New/)).toBeVisible();

    // Accepted for 5 minutes and then forgotten: past its promise a banner names it and a tone sounds, muted by Mute.
    const card = orderCard(page, 'Quiet Customer');
    await card.getByLabel('Prep time').selectOption('5');
    await card.getByRole('button', { name: 'Accept' }).click();
    await expect(card.getByText(/Status: Accepted/)).toBeVisible();
    const late = page.getByRole('region', { name: 'Late orders' });
    await expect(late).toBeHidden();
    await page.clock.setFixedTime(Date.now() + 7 * 60_000);
    const beforeLate = await tones(page);
    await mute.click();
    await expect(mute).toHaveAttribute('aria-pressed', 'false');
    await expect(late.getByRole('status')).toHaveText(/^Late: #[3-9A-Z]{5} [23] min \(Quiet Customer\)$/);
    await expect(late).toHaveAttribute('data-sounding', 'true');
    await expect.poll(() => tones(page)).toBeGreaterThanOrEqual(beforeLate + 3);
    await mute.click();
    await expect(late).toHaveAttribute('data-sounding', 'false');
    await expect(late).toContainText('sound muted');
    // "Got it" quiets this tablet; the banner stays while the order is late.
    await mute.click();
    await late.getByRole('button', { name: 'Got it' }).click();
    await expect(late).toHaveAttribute('data-sounding', 'false');
    await expect(late).toBeVisible();
  });
});
