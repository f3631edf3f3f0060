/**
 * The proof id: lowercase hex SHA-256 of the image bytes, as the server checks it on upload. The
 * `delivered` event names the photo by it while the photo may still be only on the phone.
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
