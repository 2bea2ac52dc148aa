/** Minimal byte samples of each accepted file kind. */
const enc = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** A stored (uncompressed) zip with the given entry names and a central directory. */
export function ooxml(names: string[]): Uint8Array {
  const local: number[] = [];
  const central: number[] = [];
  const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
  const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
  for (const name of names) {
    const offset = local.length;
    const content = enc('<x/>');
    const nameBytes = enc(name);
    local.push(...u32(0x04034b50), ...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(content.length), ...u32(content.length), ...u16(nameBytes.length), ...u16(0), ...nameBytes, ...content);
    central.push(...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(content.length), ...u32(content.length), ...u16(nameBytes.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...nameBytes);
  }
  const end = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(names.length), ...u16(names.length), ...u32(central.length), ...u32(local.length), ...u16(0)];
  return new Uint8Array([...local, ...central, ...end]);
}

export const samples: Record<string, Uint8Array> = {
  'application/pdf': new Uint8Array([...enc('%PDF-1.7\n'), 0xe2, 0xe3, 0xcf, 0xd3, ...enc('\n%%EOF')]),
  'image/png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, ...enc('IHDR')]),
  'image/jpeg': new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, ...enc('JFIF'), 0]),
  'image/gif': new Uint8Array([...enc('GIF89a'), 1, 0, 1, 0]),
  'image/webp': new Uint8Array([...enc('RIFF'), 20, 0, 0, 0, ...enc('WEBPVP8 ')]),
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ooxml(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']),
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ooxml(['[Content_Types].xml', 'xl/workbook.xml']),
  'text/plain': new TextEncoder().encode('Biên bản vi phạm\r\nSố 12/BB\tngày 01/03/2026\n'),
};
