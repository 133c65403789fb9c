import sharp from 'sharp';
import { AppError } from '../../shared/errors.ts';

// What may be uploaded as evidence, judged by the bytes (never the declared type), and how it
// is stored: images are decoded and re-encoded, which drops EXIF (GPS, camera), ICC and anything
// appended to the file; PDFs are kept as they are.

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
const MAX_PIXELS = 40_000_000;
const IMAGE_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff', 'avif', 'heif']);

export interface CleanFile {
  bytes: Buffer;
  mime: string;
  kind: 'photo' | 'document';
  width?: number;
  height?: number;
}

export async function cleanEvidenceFile(input: Buffer): Promise<CleanFile> {
  if (input.length === 0) throw new AppError('VALIDATION_FAILED', 'file: the upload is empty.');
  if (input.length > MAX_EVIDENCE_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `file: ${(input.length / 1_048_576).toFixed(1)} MB is over the ${MAX_EVIDENCE_BYTES / 1_048_576} MB limit; send a smaller photo.`);
  }
  if (input.subarray(0, 5).toString('latin1') === '%PDF-') return { bytes: input, mime: 'application/pdf', kind: 'document' };

  let format: string | undefined;
  try {
    format = (await sharp(input, { limitInputPixels: MAX_PIXELS }).metadata()).format;
  } catch {
    format = undefined;
  }
  if (!format || !IMAGE_FORMATS.has(format)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'file: only photos (JPEG, PNG, WebP, GIF, HEIC) and PDF documents can be attached.');
  }
  // rotate() applies the EXIF orientation before the metadata is dropped, so photos stay upright.
  const image = sharp(input, { limitInputPixels: MAX_PIXELS, animated: false }).rotate();
  const keepsAlpha = format === 'png' || format === 'webp' || format === 'gif';
  const { data, info } = keepsAlpha ? await image.png({ compressionLevel: 8 }).toBuffer({ resolveWithObject: true }) : await image.jpeg({ quality: 85, mozjpeg: true }).toBuffer({ resolveWithObject: true });
  return { bytes: data, mime: keepsAlpha ? 'image/png' : 'image/jpeg', kind: 'photo', width: info.width, height: info.height };
}
