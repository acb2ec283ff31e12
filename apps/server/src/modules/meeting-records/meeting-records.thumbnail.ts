import { MEETING_THUMBNAIL_MAX_SIDE } from '@red-engine/shared';
import sharp from 'sharp';

export const THUMBNAIL_MIME = 'image/webp';

/** Larger images are refused before decoding (decompression bombs); a 48-megapixel phone photo still passes. */
const MAX_INPUT_PIXELS = 100_000_000;

/**
 * A WebP thumbnail at most 320 px on its longest side, turned upright by the EXIF orientation and without the
 * original's metadata (no location leaks into the photo wall); null when the bytes cannot be decoded as an image.
 */
export async function makeThumbnail(bytes: Uint8Array): Promise<Buffer | null> {
  try {
    return await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize({
        width: MEETING_THUMBNAIL_MAX_SIDE,
        height: MEETING_THUMBNAIL_MAX_SIDE,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .webp({ quality: 78 })
      .toBuffer();
  } catch {
    return null;
  }
}
