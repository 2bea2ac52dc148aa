import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChainHead } from './audit-seal.service';
import { GENESIS_HASH } from './audit.service';

/** One chain head copied out of the database: `{"v":1,"at","seq","id","hash","prev"}` per line. */
export interface AuditAnchor {
  at: string;
  seq: number;
  id: number;
  hash: string;
  /** sha256 of the previous line of the anchor file (GENESIS_HASH for the first): the file is a chain too. */
  prev: string;
}

export class AnchorFileError extends Error {}

const lineHash = (line: string) => createHash('sha256').update(line).digest('hex');
const HEX64 = /^[0-9a-f]{64}$/;

/** Parses an anchor file and checks its own line chain (a line edited or removed in the middle is named). */
export function parseAnchors(text: string): AuditAnchor[] {
  const anchors: AuditAnchor[] = [];
  let prev = GENESIS_HASH;
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  lines.forEach((line, index) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new AnchorFileError(`anchor line ${index + 1}: not JSON`);
    }
    const a = value as Partial<AuditAnchor> & { v?: number };
    if (a.v !== 1 || typeof a.at !== 'string' || !Number.isInteger(a.seq) || !Number.isInteger(a.id) || !HEX64.test(String(a.hash)) || typeof a.prev !== 'string') {
      throw new AnchorFileError(`anchor line ${index + 1}: not an audit anchor`);
    }
    if (a.prev !== prev) throw new AnchorFileError(`anchor line ${index + 1}: does not follow line ${index} (anchor file edited)`);
    anchors.push({ at: a.at, seq: a.seq as number, id: a.id as number, hash: a.hash as string, prev: a.prev });
    prev = lineHash(line);
  });
  return anchors;
}

export async function readAnchors(file: string): Promise<AuditAnchor[]> {
  return parseAnchors(await readFile(file, 'utf8'));
}

/**
 * Appends the chain head to the anchor file (opened for append only, never rewritten) unless the
 * last anchor already names it. Returns the anchor written, or null when nothing changed.
 */
export async function appendAnchor(file: string, head: ChainHead, at: Date): Promise<AuditAnchor | null> {
  await mkdir(path.dirname(file), { recursive: true });
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const last = lines.length ? (JSON.parse(lines[lines.length - 1]) as AuditAnchor) : null;
  if (last && last.seq === head.seq && last.hash === head.hash) return null;
  const anchor: AuditAnchor = { at: at.toISOString(), seq: head.seq, id: head.id, hash: head.hash, prev: lines.length ? lineHash(lines[lines.length - 1]) : GENESIS_HASH };
  const line = JSON.stringify({ v: 1, ...anchor });
  await appendFile(file, `${line}\n`, { flag: 'a', mode: 0o600 });
  return anchor;
}
