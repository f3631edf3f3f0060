import { Hono, type MiddlewareHandler } from 'hono';
import { MENU_PHOTO_MAX_BYTES, menuPhotoTypeSchema, type MenuPhotoUploaded } from '../../shared/api/menuPhotos';
import type { TokenService } from '../auth/tokens';
import { AppError, badRequest } from '../errors';
import type { MenuPhotoStore } from '../menuPhotos/menuPhotoStore';
import { sniffImageType } from '../proofs/imageType';
import { requireAdmin } from './bearer';
import { limitBody } from './bodyLimit';

export interface AdminMenuPhotoRouteDeps {
  readonly tokens: TokenService;
  readonly menuPhotos: MenuPhotoStore;
}

const notAnImage = (message: string): AppError => new AppError(415, 'unsupported_media_type', message);

/**
 * `POST /api/admin/menu-photos` (admins): a menu item's photo as the raw body → `{url}` to put in the
 * item's `photo` (shared/api/menuPhotos.ts). The URL is served to anyone, so only bytes that really are
 * a JPEG, PNG or WebP image are kept, and served as that type.
 */
export function adminMenuPhotoRoutes(deps: AdminMenuPhotoRouteDeps): Hono {
  // The caller is known to be an admin before up to 2 MiB of an unsized (chunked) body is read into memory.
  const adminOnly: MiddlewareHandler = async (c, next) => {
    await requireAdmin(c, deps.tokens, 'Adding menu photos');
    await next();
  };
  return new Hono().post('/', adminOnly, limitBody(MENU_PHOTO_MAX_BYTES, 'A menu photo'), async (c) => {
    const sent = menuPhotoTypeSchema.safeParse((c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase());
    if (!sent.success) throw notAnImage('Send the photo as image/jpeg, image/png or image/webp.');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0) throw badRequest('empty_body', 'The photo is missing.');
    const type = sniffImageType(bytes);
    if (type !== sent.data) throw notAnImage(`The bytes are not a ${sent.data} image${type ? ` (they are ${type})` : ''}.`);
    const stored = deps.menuPhotos.put(type, bytes);
    return c.json({ url: stored.url } satisfies MenuPhotoUploaded, stored.kind === 'created' ? 201 : 200);
  });
}
