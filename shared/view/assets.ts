/**
 * Uploaded product images are data URLs of up to a few MB. Views go out every second on every
 * transport, so they carry a short reference instead, and the image itself travels in an
 * `asset` message: when it first appears, to a page that says hello, and on a slow refresh for
 * pages that cannot say hello (browser sources inside OBS).
 */
export const ASSET_PREFIX = 'asset:';

export function isDataUrl(value: string): boolean {
  return value.startsWith('data:');
}

/** FNV-1a over the whole string: cheap, stable across machines, collisions irrelevant here. */
export function assetRef(dataUrl: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < dataUrl.length; i++) {
    hash ^= dataUrl.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${ASSET_PREFIX}${(hash >>> 0).toString(36)}-${dataUrl.length.toString(36)}`;
}

export function isAssetRef(value: string | null | undefined): value is string {
  return !!value && value.startsWith(ASSET_PREFIX);
}

/** What a view carries for an image: URLs as they are, uploads as a reference. */
export function imageForView(image: string | undefined): string | null {
  if (!image) return null;
  return isDataUrl(image) ? assetRef(image) : image;
}
