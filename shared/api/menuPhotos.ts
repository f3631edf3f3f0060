import { z } from 'zod';

/** `POST` a menu photo's raw bytes here (admin); the answer names the URL a menu item's `photo` holds. */
export const MENU_PHOTO_UPLOAD = '/api/admin/menu-photos';

/** The largest photo the server takes: a 1024 px WebP is a few hundred KiB, so this leaves room for an unshrunk one. */
export const MENU_PHOTO_MAX_BYTES = 2 * 1024 * 1024;

/** The types a menu photo may be sent as; the server checks the bytes really are the type sent. */
export const menuPhotoTypeSchema = z.enum(['image/jpeg', 'image/png', 'image/webp']);
export type MenuPhotoType = z.infer<typeof menuPhotoTypeSchema>;

/** Where the server serves menu photos, publicly, for the ordering page. */
export const MENU_PHOTO_PREFIX = '/media/menu/';

/**
 * A menu photo's URL: `/media/menu/<sha256 of the bytes, lowercase hex>.<jpg|png|webp>`. Content
 * addressed, so the bytes behind a URL never change. Same origin, so the CSP's `img-src 'self'` lets
 * every app show it; no other URL is one the product can show (img-src allows no photo hosts).
 */
export const MENU_PHOTO_URL = /^\/media\/menu\/[0-9a-f]{64}\.(jpg|png|webp)$/;

export const menuPhotoUrlSchema = z
  .string()
  .regex(MENU_PHOTO_URL, 'use a photo uploaded to /api/admin/menu-photos (/media/menu/<sha256>.<ext>)');

/** The answer to an upload: `201` for a new photo, `200` when the same bytes were stored before. */
export const menuPhotoUploadedSchema = z.object({ url: menuPhotoUrlSchema });
export type MenuPhotoUploaded = z.infer<typeof menuPhotoUploadedSchema>;
