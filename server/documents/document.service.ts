import type { Kysely } from 'kysely';
import type { Engine } from '../../engine/index';
import type { ServerDatabase } from '../db/schema';
import { loadDocumentData } from './document-data.service';
import { buildDocument, templateFor } from './document-templates';
import { renderOfficialPdf } from './pdf-renderer';

/** Procedure render templates (`document.render` input `template`) → the Mẫu they print. */
export const RENDER_TEMPLATES: Record<string, string> = { 'dossier.bundle': '29' };

export interface RenderedDocument {
  fileName: string;
  bytes: Buffer;
}

/** The PDF of Mẫu `mau` for one case, or null when the case's procedure does not issue it. */
export async function renderCaseDocument(db: Kysely<ServerDatabase>, engine: Engine, caseId: string, mau: string, now: Date): Promise<RenderedDocument | null> {
  const template = templateFor(mau);
  if (!template) return null;
  const data = await loadDocumentData(db, engine, caseId, now);
  if (!data) return null;
  const doc = buildDocument(template, data);
  if (!doc) return null;
  return { fileName: `${data.caseCode}-mau-${template.mau}.pdf`, bytes: await renderOfficialPdf(doc) };
}
