/** Files in and out of the browser: reading with progress, and downloads. */
import { MAX_IMPORT_BYTES, unwrapCurl } from '../../shared/import';
import * as msg from '../i18n/paraglide/messages.js';

/** Reads a file as UTF-8 text, reporting bytes read, so a large file shows a moving bar. */
export function readText(
  file: Blob,
  onProgress: (loaded: number, total: number) => void,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsText(file);
  });
}

/** Refused before reading: no point loading 200 MB into memory to say it is too big. */
export function tooLarge(size: number): string | null {
  if (size <= MAX_IMPORT_BYTES) return null;
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
  return msg.file_too_large({ size: mb(size), max: mb(MAX_IMPORT_BYTES) });
}

/** The same test `importAny` applies: not JSON-shaped and not named .json means a CSV product list. */
export function looksLikeCsv(text: string, fileName: string): boolean {
  if (/\.json$/i.test(fileName)) return false;
  const first = unwrapCurl(text.replace(/^\uFEFF/, '')).trimStart()[0];
  return first !== undefined && first !== '{' && first !== '[';
}

/** Lets the browser paint (a progress bar, "checking…") before a long synchronous step. */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

export function download(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: Chromium starts the download asynchronously from the click.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Image types the run-sheet schema accepts as uploads, and the largest upload it keeps. */
export const IMAGE_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/svg+xml',
];
export const MAX_IMAGE_BYTES = 2.5 * 1024 * 1024;

export function checkImage(file: { type: string; size: number }): string | null {
  if (!IMAGE_TYPES.includes(file.type)) return msg.file_image_type();
  if (file.size > MAX_IMAGE_BYTES) {
    return msg.file_image_too_large({ size: (file.size / 1024 / 1024).toFixed(1) });
  }
  return null;
}

export function readDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('the image could not be read'));
    reader.readAsDataURL(file);
  });
}
