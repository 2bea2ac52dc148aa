/**
 * Mail templates named by the shipped procedures' `email.send` service/send tasks (input
 * `template`), Vietnamese first, English second. Every name a shipped BPMN uses must be here
 * (test/server/mail/procedure-templates.test.ts walks all procedures). Params: `recipientName`,
 * `caseCode`, `stepName` (the BPMN element's name), `link`.
 */
export type ProcedureTemplateName = 'determination.result' | 'court.accepted' | 'court.decision' | 'court.not-applied';

type Params = Record<string, string | undefined>;
type Render = (p: Params) => { subject: string; text: string };

const ofCase = (p: Params, vi: boolean): string => (p.caseCode ? (vi ? ` của hồ sơ ${p.caseCode}` : ` of case ${p.caseCode}`) : '');

export const procedureTemplates: Record<ProcedureTemplateName, { vi: Render; en: Render }> = {
  'determination.result': {
    vi: (p) => ({
      subject: `[Quy Trình] Kết quả xác định tình trạng nghiện ma túy${p.caseCode ? ` – ${p.caseCode}` : ''}`,
      text: `Kính gửi ${p.recipientName},\n\nCơ sở y tế đã lập phiếu kết quả xác định tình trạng nghiện ma túy${ofCase(p, true)} (Luật Phòng, chống ma túy 2021, Điều 27(4): gửi ngay cho cơ quan đề nghị và người được xác định).\n\nXem hồ sơ và tải phiếu kết quả: ${p.link}\n`,
    }),
    en: (p) => ({
      subject: `[Quy Trinh] Addiction determination result${p.caseCode ? ` – ${p.caseCode}` : ''}`,
      text: `Dear ${p.recipientName},\n\nThe health facility has issued the addiction determination result sheet${ofCase(p, false)} (Law 73/2021 Art 27(4): sent at once to the requesting agency and the person).\n\nOpen the case and download the result sheet: ${p.link}\n`,
    }),
  },
  'court.accepted': {
    vi: (p) => ({
      subject: `[Quy Trình] Tòa án đã thụ lý hồ sơ đề nghị${p.caseCode ? ` ${p.caseCode}` : ''}`,
      text: `Kính gửi ${p.recipientName},\n\nTòa án đã thụ lý hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc${ofCase(p, true)} và phân công Thẩm phán xem xét (${p.stepName ?? 'thông báo thụ lý'}).\n\nXem hồ sơ: ${p.link}\n`,
    }),
    en: (p) => ({
      subject: `[Quy Trinh] Court accepted the dossier${p.caseCode ? ` ${p.caseCode}` : ''}`,
      text: `Dear ${p.recipientName},\n\nThe court has accepted the dossier proposing compulsory rehabilitation${ofCase(p, false)} and assigned a judge (${p.stepName ?? 'notice of acceptance'}).\n\nOpen the case: ${p.link}\n`,
    }),
  },
  'court.decision': {
    vi: (p) => ({
      subject: `[Quy Trình] Quyết định của Tòa án${p.caseCode ? ` – hồ sơ ${p.caseCode}` : ''}`,
      text: `Kính gửi ${p.recipientName},\n\nTòa án đã ban hành quyết định về việc xem xét áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc${ofCase(p, true)}. Thời hạn khiếu nại, kiến nghị, kháng nghị và đề nghị hoãn, miễn chấp hành tính từ ngày nhận quyết định.\n\nXem quyết định: ${p.link}\n`,
    }),
    en: (p) => ({
      subject: `[Quy Trinh] Court decision${p.caseCode ? ` – case ${p.caseCode}` : ''}`,
      text: `Dear ${p.recipientName},\n\nThe court has issued its decision on compulsory rehabilitation${ofCase(p, false)}. The windows for complaints, petitions, protests and postponement/exemption requests run from receipt of the decision.\n\nOpen the decision: ${p.link}\n`,
    }),
  },
  'court.not-applied': {
    vi: (p) => ({
      subject: `[Quy Trình] Tòa án không áp dụng biện pháp / đình chỉ${p.caseCode ? ` – hồ sơ ${p.caseCode}` : ''}`,
      text: `Kính gửi ${p.recipientName},\n\nQuyết định không áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc hoặc đình chỉ việc xem xét${ofCase(p, true)} đã có hiệu lực. Cơ quan đề nghị chấm dứt việc quản lý trong thời gian lập hồ sơ.\n\nXem hồ sơ: ${p.link}\n`,
    }),
    en: (p) => ({
      subject: `[Quy Trinh] Court did not apply the measure / terminated${p.caseCode ? ` – case ${p.caseCode}` : ''}`,
      text: `Dear ${p.recipientName},\n\nThe decision not to apply compulsory rehabilitation, or to terminate its consideration${ofCase(p, false)}, has taken effect. The proposing agency ends the interim management.\n\nOpen the case: ${p.link}\n`,
    }),
  },
};
