import { Hono } from 'hono';
import { MENU_PHOTO_PREFIX } from '../../shared/api/menuPhotos';
import { notFound } from '../errors';
import type { MenuPhotoStore } from '../menuPhotos/menuPhotoStore';

/**
 * `/media/*`: files customers' pages show, public. `GET /media/menu/<sha256>.<ext>` is a menu photo;
 * any other name under /media is a JSON 404, never a file looked up by a name it was sent.
 */
export function mediaRoutes(menuPhotos: MenuPhotoStore): Hono {
  return new Hono()
    .get('/menu/:name', async (c) => {
      const photo = await menuPhotos.get(`${MENU_PHOTO_PREFIX}${c.req.param('name')}`);
      if (!photo) throw notFound('The photo');
      return c.body(new Uint8Array(photo.bytes), 200, {
        'Content-Type': photo.type,
        'X-Content-Type-Options': 'nosniff',
        // Content-addressed: the bytes behind this URL never change.
        'Cache-Control': 'public, max-age=31536000, immutable',
      });
    })
    .all('*', () => {
      throw notFound('The file');
    });
}
