/**
 * Content type from the first bytes of a file (magic numbers), never from what the client claims.
 * Recognised: PDF, PNG, JPEG, GIF, WEBP, DOCX/XLSX (OOXML zip), plain UTF-8 text.
 */
export const SNIFFED_TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  text: 'text/plain',
} as const;

export type SniffedType = (typeof SNIFFED_TYPES)[keyof typeof SNIFFED_TYPES];

/** File extensions that belong to each type (a `.pdf` name on PNG bytes is refused). */
export const TYPE_EXTENSIONS: Record<SniffedType, string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jfif'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'text/plain': ['txt', 'csv', 'log', 'md'],
};

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

/** The detected type, or undefined when the bytes are none of the accepted kinds. */
export function sniffContentType(bytes: Uint8Array): SniffedType | undefined {
  if (startsWith(bytes, ascii('%PDF-'))) return SNIFFED_TYPES.pdf;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return SNIFFED_TYPES.png;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return SNIFFED_TYPES.jpeg;
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return SNIFFED_TYPES.gif;
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return SNIFFED_TYPES.webp;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return sniffOoxml(bytes);
  if (isPlainText(bytes)) return SNIFFED_TYPES.text;
  return undefined;
}

/** An OOXML package names its parts in the zip's local headers: `word/…` (docx) or `xl/…` (xlsx). */
function sniffOoxml(bytes: Uint8Array): SniffedType | undefined {
  const names = zipEntryNames(bytes);
  if (!names.includes('[Content_Types].xml')) return undefined;
  if (names.some((n) => n.startsWith('word/'))) return SNIFFED_TYPES.docx;
  if (names.some((n) => n.startsWith('xl/'))) return SNIFFED_TYPES.xlsx;
  return undefined;
}

/** File names of a zip's entries, read from the central directory (falls back to local headers). */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder();
  const names: string[] = [];
  // End of central directory record: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i -= 1) {
    if (view.getUint32(i, true) !== 0x06054b50) continue;
    const count = view.getUint16(i + 10, true);
    let p = view.getUint32(i + 16, true);
    for (let n = 0; n < count && p + 46 <= bytes.length; n += 1) {
      if (view.getUint32(p, true) !== 0x02014b50) break;
      const nameLength = view.getUint16(p + 28, true);
      const extraLength = view.getUint16(p + 30, true);
      const commentLength = view.getUint16(p + 32, true);
      names.push(decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)));
      p += 46 + nameLength + extraLength + commentLength;
    }
    if (names.length > 0) return names;
    break;
  }
  // Local file headers (streamed zips without a readable central directory).
  let p = 0;
  while (p + 30 <= bytes.length && view.getUint32(p, true) === 0x04034b50) {
    const compressedSize = view.getUint32(p + 18, true);
    const nameLength = view.getUint16(p + 26, true);
    const extraLength = view.getUint16(p + 28, true);
    names.push(decoder.decode(bytes.subarray(p + 30, p + 30 + nameLength)));
    if (compressedSize === 0) break;
    p += 30 + nameLength + extraLength + compressedSize;
  }
  return names;
}

/** Valid UTF-8 without NUL or control characters other than tab, CR, LF, FF (a BOM is fine). */
function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 64 * 1024));
  } catch {
    // A multi-byte character cut at the 64 KiB boundary: decode a little less.
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 64 * 1024 - 3));
    } catch {
      return false;
    }
  }
  return !/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text);
}
