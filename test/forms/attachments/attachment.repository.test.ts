import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AttachmentNotFoundError,
  AttachmentTooLargeError,
  AttachmentTypeRefusedError,
  getAttachment,
  getAttachmentMeta,
  listAttachmentMeta,
  sanitizeFileName,
  sniffContentType,
  storeAttachment,
  type FormsTables,
} from '../../../forms/index';
import { FakeClock } from '../../support/clock';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { ooxml, samples } from './samples';

describe('attachments', () => {
  let t: TestDatabase<FormsTables>;
  const clock = new FakeClock();
  const base = { createdBy: 'u1', scope: '/44/19300/', clock };

  beforeAll(async () => {
    t = await createTestDatabase<FormsTables>();
  });
  afterAll(async () => {
    await t.destroy();
  });

  it.each(Object.entries(samples))('should sniff %s from its magic bytes', (type, bytes) => {
    expect(sniffContentType(bytes)).toBe(type);
  });

  it('should tell DOCX from XLSX from a plain zip', () => {
    expect(sniffContentType(ooxml(['[Content_Types].xml', 'word/document.xml']))).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(sniffContentType(ooxml(['[Content_Types].xml', 'xl/workbook.xml']))).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(sniffContentType(ooxml(['readme.txt']))).toBeUndefined();
  });

  it('should refuse binary junk and text with NUL bytes', () => {
    expect(sniffContentType(new Uint8Array([0x4d, 0x5a, 0x90, 0x00]))).toBeUndefined();
    expect(sniffContentType(new TextEncoder().encode('abc\u0000def'))).toBeUndefined();
    expect(sniffContentType(new Uint8Array([0xc3, 0x28]))).toBeUndefined();
  });

  it('should store a file with its sniffed type, size and sha256, and read it back', async () => {
    // given
    const bytes = samples['application/pdf'];
    // when
    const meta = await storeAttachment(t.db, { ...base, fileName: 'quyet-dinh.pdf', bytes, declaredType: 'application/pdf' });
    const full = await getAttachment(t.db, meta.id);
    // then
    expect(meta).toMatchObject({ fileName: 'quyet-dinh.pdf', contentType: 'application/pdf', size: bytes.length, scope: '/44/19300/', createdBy: 'u1' });
    expect(meta.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(new Uint8Array(full.data)).toEqual(bytes);
    expect(await getAttachmentMeta(t.db, meta.id)).toEqual(meta);
    expect((await listAttachmentMeta(t.db, [meta.id, 'not-a-uuid', crypto.randomUUID()])).map((m) => m.id)).toEqual([meta.id]);
  });

  it('should accept a generic declared type and use the sniffed one', async () => {
    const meta = await storeAttachment(t.db, { ...base, fileName: 'anh.png', bytes: samples['image/png'], declaredType: 'application/octet-stream' });
    expect(meta.contentType).toBe('image/png');
  });

  it('should refuse a file over the size limit with ATTACHMENT_TOO_LARGE', async () => {
    const attempt = storeAttachment(t.db, { ...base, fileName: 'a.txt', bytes: new Uint8Array(101).fill(65), maxBytes: 100 });
    await expect(attempt).rejects.toBeInstanceOf(AttachmentTooLargeError);
    await expect(attempt).rejects.toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', size: 101, maxBytes: 100 });
  });

  it('should refuse a declared type or extension that contradicts the bytes, and unknown content', async () => {
    const png = samples['image/png'];
    await expect(storeAttachment(t.db, { ...base, fileName: 'x.png', bytes: png, declaredType: 'application/pdf' })).rejects.toBeInstanceOf(AttachmentTypeRefusedError);
    await expect(storeAttachment(t.db, { ...base, fileName: 'x.pdf', bytes: png })).rejects.toMatchObject({ code: 'ATTACHMENT_TYPE_REFUSED' });
    await expect(storeAttachment(t.db, { ...base, fileName: 'x.exe', bytes: new Uint8Array([0x4d, 0x5a, 0, 0]) })).rejects.toMatchObject({ code: 'ATTACHMENT_TYPE_REFUSED' });
    await expect(storeAttachment(t.db, { ...base, fileName: 'x.txt', bytes: new TextEncoder().encode('hi'), allowedTypes: ['application/pdf'] })).rejects.toMatchObject({ code: 'ATTACHMENT_TYPE_REFUSED' });
  });

  it('should sanitise file names (NFC, no path, no control characters)', () => {
    expect(sanitizeFileName('../../etc/Biên bản.pdf'.normalize('NFD'))).toBe('Biên bản.pdf');
    expect(sanitizeFileName('C:\\Users\\a\\b\u0007.txt')).toBe('b.txt');
    expect(sanitizeFileName('..')).toBe('tep-dinh-kem');
  });

  it('should throw ATTACHMENT_NOT_FOUND for unknown ids', async () => {
    await expect(getAttachment(t.db, crypto.randomUUID())).rejects.toBeInstanceOf(AttachmentNotFoundError);
    await expect(getAttachment(t.db, 'x')).rejects.toMatchObject({ code: 'ATTACHMENT_NOT_FOUND' });
  });
});
