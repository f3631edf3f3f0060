import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { MENU_PHOTO_UPLOAD, menuPhotoUploadedSchema } from '../../../shared/api/menuPhotos';

/** Test machines have no internet: tile requests fail at once instead of waiting on DNS. */
export async function blockMapTiles(page: Page): Promise<void> {
  await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
}

export const menuItem = (page: Page, name: string): Locator => page.getByRole('article', { name });

/** Chooses a Masala Dosa with coconut chutney (a required choice) in the item dialog, `qty` of them. */
export async function addMasalaDosa(page: Page, qty: number): Promise<void> {
  await menuItem(page, 'Masala Dosa').getByRole('button', { name: 'Choose options' }).click();
  const dialog = page.getByRole('dialog', { name: 'Masala Dosa' });
  await dialog.getByLabel('Coconut').check();
  for (let i = 1; i < qty; i++) await dialog.getByRole('button', { name: 'One more Masala Dosa' }).click();
  await dialog.getByRole('button', { name: /^Add to cart/ }).click();
  await expect(dialog).toBeHidden();
}

export async function fillCustomer(page: Page, name: string): Promise<void> {
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Phone').fill('+91 98450 12345');
}

export const pinReadout = (page: Page): Locator => page.getByText(/^Pin at /);

/** Drags the delivery pin by (dx, dy) screen pixels, as a finger or mouse would. */
export async function dragPin(page: Page, dx: number, dy: number): Promise<void> {
  const pin = page.getByTitle(/^Delivery pin/);
  const box = await pin.boundingBox();
  if (!box) throw new Error('the delivery pin is not on screen');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps: 12 });
  await page.mouse.up();
}

/** Moves the focused delivery pin with the arrow keys, as a keyboard user would. */
export async function nudgePin(page: Page, key: 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight', times: number): Promise<void> {
  await page.getByTitle(/^Delivery pin/).focus();
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/** Zooms the map out by `steps` with its own buttons and waits for the animation to settle. */
export async function zoomMapOut(page: Page, steps: number): Promise<void> {
  for (let i = 0; i < steps; i++) {
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.waitForFunction(() => document.querySelector('.leaflet-zoom-anim') === null);
  }
}

/** Uploads the fixture JPEG as a menu photo, as the admin app does, and answers its URL. */
export async function uploadMenuPhoto(baseUrl: string, adminToken: string): Promise<string> {
  const bytes = await readFile(path.join(import.meta.dirname, '..', 'fixtures', 'doorstep.jpg'));
  const res = await fetch(`${baseUrl}${MENU_PHOTO_UPLOAD}`, {
    method: 'POST',
    headers: { 'content-type': 'image/jpeg', authorization: `Bearer ${adminToken}` },
    body: bytes,
  });
  if (!res.ok) throw new Error(`menu photo upload answered ${res.status}`);
  return menuPhotoUploadedSchema.parse(await res.json()).url;
}
