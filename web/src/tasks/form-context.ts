import type { QuyTrinhFormContext } from '../../../forms/index';
import { api } from '../api/client';
import { jurisdictionApi, personApi } from '../api/endpoints';

interface AttachmentDto {
  id: string;
  fileName?: string;
  file_name?: string;
  size: number;
  contentType?: string;
  content_type?: string;
}

const toUploaded = (a: AttachmentDto) => ({ id: a.id, fileName: a.fileName ?? a.file_name ?? a.id, size: a.size, contentType: a.contentType ?? a.content_type });

/** What the forms module's widgets need to reach the server (jurisdictions, persons, uploads). */
export function createFormContext(structure: '2022' | '2025' | undefined, taskId?: string): QuyTrinhFormContext {
  return {
    structure,
    loadJurisdictions: async (parentCode, struct) => {
      const { items } = await jurisdictionApi.list(parentCode ? { parentCode, structure: struct } : { level: 'province', structure: struct });
      return items.map((j) => ({ code: j.code, name: j.name, level: j.level, path: j.path }));
    },
    lookupJurisdiction: async (code) => {
      const j = await jurisdictionApi.get(code).catch(() => undefined);
      return j ? { code: j.code, name: j.name, level: j.level, path: j.path } : undefined;
    },
    searchPersons: async (q) => {
      const { items } = await personApi.search({ q, limit: 10 });
      return items.map((p) => ({ id: p.id, fullName: p.full_name, dateOfBirth: p.date_of_birth ?? undefined, idNumber: p.id_number ?? undefined }));
    },
    getPerson: async (id) => {
      const p = await personApi.get(id).catch(() => undefined);
      return p ? { id: p.id, fullName: p.full_name, dateOfBirth: p.date_of_birth ?? undefined, idNumber: p.id_number ?? undefined } : undefined;
    },
    uploadFile: async (file) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return toUploaded(await api<AttachmentDto>('POST', '/api/attachments', { body, query: { taskId } }));
    },
    describeAttachments: async (ids) => {
      const found = await Promise.all(ids.map((id) => api<AttachmentDto>('GET', `/api/attachments/${id}/meta`).then(toUploaded, () => undefined)));
      return found.filter((f): f is NonNullable<typeof f> => Boolean(f));
    },
  };
}
