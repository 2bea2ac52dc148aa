import { AttachmentNotFoundError, AttachmentTooLargeError, AttachmentTypeRefusedError } from '../form.errors';
import { formsDb, systemClock, type Clock, type FormsDb } from '../registry/forms.tables';
import { sha256Hex } from '../registry/sha256';
import { sniffContentType, TYPE_EXTENSIONS, type SniffedType } from './content-sniffer';

/** Default upload limit (10 MiB); the server passes its configured value as `maxBytes`. */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export interface StoreAttachmentInput {
  fileName: string;
  bytes: Uint8Array;
  /** The Content-Type the client sent; must agree with the sniffed type (generic types are ignored). */
  declaredType?: string;
  createdBy: string;
  /** Authorization scope, e.g. the instance's jurisdiction path `/44/449/19300/`. */
  scope: string;
  maxBytes?: number;
  /** Restrict further (default: every sniffable type). */
  allowedTypes?: readonly SniffedType[];
  clock?: Clock;
  newId?: () => string;
}

export interface AttachmentMeta {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  scope: string;
  createdBy: string;
  createdAt: Date;
}

export interface Attachment extends AttachmentMeta {
  data: Buffer;
}

const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/x-download']);

/**
 * Stores an uploaded file after sniffing its real type from the bytes. Refuses files over `maxBytes`
 * (ATTACHMENT_TOO_LARGE), bytes of no accepted type, a declared type or file extension that
 * contradicts the bytes (ATTACHMENT_TYPE_REFUSED). Returns the metadata; forms keep the id.
 */
export async function storeAttachment(db: FormsDb, input: StoreAttachmentInput): Promise<AttachmentMeta> {
  const maxBytes = input.maxBytes ?? DEFAULT_ATTACHMENT_MAX_BYTES;
  if (input.bytes.byteLength > maxBytes) throw new AttachmentTooLargeError(input.bytes.byteLength, maxBytes);
  const sniffed = sniffContentType(input.bytes);
  const declared = (input.declaredType ?? '').split(';')[0].trim().toLowerCase();
  if (!sniffed) throw new AttachmentTypeRefusedError('file type not recognised or not accepted', undefined, declared);
  if (input.allowedTypes && !input.allowedTypes.includes(sniffed)) {
    throw new AttachmentTypeRefusedError(`file type ${sniffed} not accepted here`, sniffed, declared);
  }
  if (!GENERIC_TYPES.has(declared) && !declaredMatches(declared, sniffed)) {
    throw new AttachmentTypeRefusedError(`declared type ${declared} does not match content ${sniffed}`, sniffed, declared);
  }
  const fileName = sanitizeFileName(input.fileName);
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension && knownExtension(extension) && !TYPE_EXTENSIONS[sniffed].includes(extension)) {
    throw new AttachmentTypeRefusedError(`file extension .${extension} does not match content ${sniffed}`, sniffed, declared);
  }
  const row = {
    id: input.newId ? input.newId() : globalThis.crypto.randomUUID(),
    file_name: fileName,
    content_type: sniffed,
    size: input.bytes.byteLength,
    sha256: await sha256Hex(input.bytes),
    data: Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength),
    scope: input.scope,
    created_by: input.createdBy,
    created_at: (input.clock ?? systemClock).now(),
  };
  await formsDb(db).insertInto('attachment').values(row).execute();
  return toMeta(row);
}

/** Metadata of one attachment (no bytes), or undefined. */
export async function getAttachmentMeta(db: FormsDb, id: string): Promise<AttachmentMeta | undefined> {
  if (!isUuidText(id)) return undefined;
  const row = await formsDb(db)
    .selectFrom('attachment')
    .select(['id', 'file_name', 'content_type', 'size', 'sha256', 'scope', 'created_by', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toMeta(row) : undefined;
}

/** Metadata of several attachments (unknown ids are skipped), in the order of `ids`. */
export async function listAttachmentMeta(db: FormsDb, ids: readonly string[]): Promise<AttachmentMeta[]> {
  const valid = ids.filter(isUuidText);
  if (valid.length === 0) return [];
  const rows = await formsDb(db)
    .selectFrom('attachment')
    .select(['id', 'file_name', 'content_type', 'size', 'sha256', 'scope', 'created_by', 'created_at'])
    .where('id', 'in', valid)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, toMeta(r)]));
  return valid.map((id) => byId.get(id)).filter((m): m is AttachmentMeta => m !== undefined);
}

/** The attachment with its bytes; throws ATTACHMENT_NOT_FOUND. Authorization checks `scope`. */
export async function getAttachment(db: FormsDb, id: string): Promise<Attachment> {
  const row = isUuidText(id)
    ? await formsDb(db).selectFrom('attachment').selectAll().where('id', '=', id).executeTakeFirst()
    : undefined;
  if (!row) throw new AttachmentNotFoundError(id);
  return { ...toMeta(row), data: row.data };
}

/** NFC, no directories, no control characters, at most 255 characters; never empty. */
export function sanitizeFileName(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001F\u007F]/g, '').trim().slice(-255);
  return clean === '' || clean === '.' || clean === '..' ? 'tep-dinh-kem' : clean;
}

function declaredMatches(declared: string, sniffed: SniffedType): boolean {
  if (declared === sniffed) return true;
  if (sniffed === 'image/jpeg' && declared === 'image/jpg') return true;
  if (sniffed === 'text/plain' && (declared === 'text/csv' || declared === 'text/markdown')) return true;
  return false;
}

function knownExtension(extension: string): boolean {
  return (
    Object.values(TYPE_EXTENSIONS).some((list) => list.includes(extension)) ||
    ['exe', 'js', 'html', 'htm', 'svg', 'zip', 'doc', 'xls', 'bat', 'sh'].includes(extension)
  );
}

function isUuidText(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

interface MetaRow {
  id: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  scope: string;
  created_by: string;
  created_at: Date;
}

function toMeta(row: MetaRow): AttachmentMeta {
  return {
    id: row.id,
    fileName: row.file_name,
    contentType: row.content_type,
    size: row.size,
    sha256: row.sha256,
    scope: row.scope,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}
