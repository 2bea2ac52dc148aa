import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentData } from '../../../server/documents/document-data.service';
import { buildDocument, documentTemplates } from '../../../server/documents/document-templates';
import { NATIONAL_HEADER, NATIONAL_MOTTO, renderOfficialPdf } from '../../../server/documents/pdf-renderer';
import { HttpDriver } from '../../scenarios/support/http-driver';
import { demoPerson, vn } from '../../scenarios/support/paths';
import { createScenarioPlatform, type ScenarioPlatform } from '../../scenarios/support/scenario-platform';
import { pdfText } from './pdf-text';

/** Every Vietnamese vowel with every tone mark, đ/Đ, and upper case — the font must cover them all. */
const ALL_DIACRITICS = 'àáảãạ ằắẳẵặ ầấẩẫậ èéẻẽẹ ềếểễệ ìíỉĩị òóỏõọ ồốổỗộ ờớởỡợ ùúủũụ ừứửữự ỳýỷỹỵ đĐ ẮẰẲẴẶ ỐỒỔỖỘ ỨỪỬỮỰ ƠƯ';
const squash = (s: string) => s.replace(/\s+/g, ' ');

function sample(procedureKey: string, tasks: Record<string, Record<string, unknown>>): DocumentData {
  return {
    caseId: '00000000-0000-4000-8000-00000000abcd', caseCode: 'HS-20260302-ABC123', procedureKey,
    person: { fullName: 'Nguyễn Thị Hồng Ánh', dateOfBirth: '1995-03-27', sex: 'female', idNumber: '099195123456', permanentAddress: 'Thôn Đông, xã Sông Xanh, Tỉnh Thử nghiệm' },
    communeName: 'Xã Sông Xanh', provinceName: 'Tỉnh Thử nghiệm', variables: { ruleset: '2025', route: 'police' }, tasks, issuedAt: '2026-03-02',
  };
}

const procedureOf: Record<string, string> = { '24': 'voluntary-registration', '27': 'addiction-determination', '29': 'compulsory-dossier', '32': 'compulsory-dossier', '36': 'compulsory-dossier', '40': 'escort-admission', '46': 'escort-admission', '51': 'post-rehab-supervision', '54': 'post-rehab-supervision', '05': 'addiction-determination' };

describe('official documents (PDF, Vietnamese typography)', () => {
  for (const template of documentTemplates) {
    it(`should render Mẫu ${template.mau} with the national header, issuer, number, date line, title, body, signature and every diacritic`, async () => {
      // given the form data of the task that issues it (signer with every diacritic)
      const form = { signerName: `Trần Quốc Việt ${ALL_DIACRITICS}`, signerPosition: 'Chủ tịch Ủy ban nhân dân', decisionNo: '25/QĐ-UBND', decisionDate: '2026-03-02', recordNo: '06/BB-VP', proposalNo: '20/ĐN-CAX', noticeNo: '20/TB-CAX', certificateNo: '03/GCN-UBND', sheetNo: '128/PKQ-BVTT', conclusion: 'nghien', receivedBy: `Trần Quốc Việt ${ALL_DIACRITICS}`, approvedBy: `Trần Quốc Việt ${ALL_DIACRITICS}`, readingDeadline: '2026-03-05', termMonths: 24, termStart: '2026-03-02', termEnd: '2028-03-02' };
      const doc = buildDocument(template, sample(procedureOf[template.mau], { [template.elements[0]]: form }));
      expect(doc).not.toBeNull();
      // when rendered
      const bytes = await renderOfficialPdf(doc!);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      // then the extracted text has the whole national header and the document parts, diacritics intact
      const text = squash(await pdfText(bytes));
      expect(text).toContain(NATIONAL_HEADER);
      expect(text).toContain(NATIONAL_MOTTO);
      expect(text).toContain(`Mẫu số ${template.mau === '05' ? '05' : template.mau}`);
      expect(text).toContain(doc!.title.toUpperCase());
      expect(text).toContain(`Số: ${doc!.number}`);
      expect(text).toMatch(/, ngày \d{2} tháng \d{2} năm \d{4}/);
      expect(text).toContain(squash(doc!.signer.position.toUpperCase()));
      expect(text).toContain(squash(`Trần Quốc Việt ${ALL_DIACRITICS}`));
      if (template.mau !== '40') expect(text).toContain('Nguyễn Thị Hồng Ánh');
    });
  }
});

describe('GET /api/cases/:id/documents/:mau.pdf', () => {
  let p: ScenarioPlatform;
  let http: HttpDriver;
  let caseId = '';
  beforeAll(async () => {
    p = await createScenarioPlatform(vn('2026-03-02T08:00:00'));
    http = new HttpDriver(p);
    const started = await p.start({ procedureKey: 'compulsory-dossier', personId: demoPerson(27), variables: { triggerType: 'NOT_REGISTERED', isMinor: false } });
    caseId = started.caseId;
    for (const [element, overrides] of [['Task_OpenDossier', {}], ['Task_VerifyResidence', { stableResidence: true, familyAgrees: true }], ['Task_FamilyConsent', {}],
      ['Task_InterimDecision', { interimMode: 'family' }], ['Task_CaseSummaryCv', {}], ['Task_Statement', {}], ['Task_Proposal', {}], ['Task_Notice', {}]] as const) {
      await p.driver.complete(started.instanceId, element, overrides);
    }
  }, 90_000);
  afterAll(async () => p?.destroy());

  it('should give the case\'s commune police Mẫu 29, 32 and 36 built from the submitted forms', async () => {
    for (const mau of ['29', '32', '36']) {
      const response = await http.get('ca.xa1', `/api/cases/${caseId}/documents/${mau}.pdf`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const text = squash(await pdfText(response.rawPayload));
      expect(text).toContain(NATIONAL_HEADER);
      expect(text).toContain(`Mẫu số ${mau}`);
      expect(text).toContain('Cao Văn Thành');
      expect(text).toContain('CÔNG AN XÃ SÔNG XANH');
    }
  });

  it('should refuse a user of another commune or province, and answer 404 for a Mẫu the procedure does not issue', async () => {
    expect([403, 404]).toContain((await http.get('ca.xa2', `/api/cases/${caseId}/documents/29.pdf`)).statusCode);
    expect([403, 404]).toContain((await http.get('ca.t98.xa1', `/api/cases/${caseId}/documents/29.pdf`)).statusCode);
    expect((await http.get('ca.xa1', `/api/cases/${caseId}/documents/54.pdf`)).statusCode).toBe(404);
    expect((await p.app.inject({ method: 'GET', url: `/api/cases/${caseId}/documents/29.pdf` })).statusCode).toBe(401);
  });
});
