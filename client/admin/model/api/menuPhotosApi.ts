import { MENU_PHOTO_MAX_BYTES, MENU_PHOTO_UPLOAD, menuPhotoTypeSchema, menuPhotoUploadedSchema } from '../../../../shared/api/menuPhotos';
import { fail, ok, type Result } from '../../../../shared/result';
import { NETWORK_ERROR_CODE, postFile, readAnswer } from '../../../common/api/http';
import { shrinkPhoto } from './shrinkPhoto';

const MAX_MIB = MENU_PHOTO_MAX_BYTES / (1024 * 1024);

/**
 * Shrinks a menu item's photo (shrinkPhoto) and uploads it (`POST /api/admin/menu-photos`) as the
 * signed-in admin. The value is the URL to put in the item's `photo`, `/media/menu/<sha256>.<ext>`;
 * a refusal carries its words for the admin: the server's, or that this needs the network (nothing
 * about photos is kept on the device to send later). Never throws.
 */
export async function uploadMenuPhoto(token: string, photo: Blob): Promise<Result<string>> {
  const sent = await shrinkPhoto(photo);
  // Checked here too, so a photo the server would refuse is not sent over a slow network first.
  if (!menuPhotoTypeSchema.safeParse(sent.type).success)
    return fail('unsupported_media_type', 'This photo cannot be used: choose a JPEG, PNG or WebP image.');
  if (sent.size > MENU_PHOTO_MAX_BYTES)
    return fail('payload_too_large', `This photo is larger than ${MAX_MIB} MiB even made smaller; choose a smaller one.`);
  const result = await postFile(MENU_PHOTO_UPLOAD, sent, { authorization: `Bearer ${token}` });
  if (!result.ok && result.error.code === NETWORK_ERROR_CODE)
    return fail(NETWORK_ERROR_CODE, 'Adding a photo needs the network: this device cannot reach the server.');
  const answer = readAnswer(result, menuPhotoUploadedSchema, 'The server’s answer to the photo could not be read.');
  return answer.ok ? ok(answer.value.url) : fail(answer.error.code, answer.error.message);
}
