import { procedureTemplates, type ProcedureTemplateName } from './procedure-templates';

/** Notification mail templates, Vietnamese first, English second (by the recipient's locale). */
export type TemplateName = 'task-assigned' | 'deadline-near' | 'overdue-escalation' | 'decision-issued' | 'report-ready' | 'audit-anchor' | ProcedureTemplateName;
export type Locale = 'vi' | 'en';

export interface RenderedMail {
  subject: string;
  text: string;
}

type Params = Record<string, string | undefined>;

const templates: Record<TemplateName, Record<Locale, (p: Params) => RenderedMail>> = {
  'task-assigned': {
    vi: (p) => ({
      subject: `[Quy Trình] Công việc mới: ${p.taskName}`,
      text: `Kính gửi ${p.recipientName},\n\nBạn được giao công việc "${p.taskName}"${p.caseCode ? ` của hồ sơ ${p.caseCode}` : ''}.${p.dueAt ? `\nHạn xử lý: ${p.dueAt}.` : ''}\n\nMở công việc: ${p.link}\n`,
    }),
    en: (p) => ({
      subject: `[Quy Trinh] New task: ${p.taskName}`,
      text: `Dear ${p.recipientName},\n\nThe task "${p.taskName}"${p.caseCode ? ` of case ${p.caseCode}` : ''} was assigned to you.${p.dueAt ? `\nDue: ${p.dueAt}.` : ''}\n\nOpen the task: ${p.link}\n`,
    }),
  },
  'deadline-near': {
    vi: (p) => ({
      subject: `[Quy Trình] Sắp đến hạn: ${p.taskName}`,
      text: `Kính gửi ${p.recipientName},\n\nCông việc "${p.taskName}" sắp đến hạn xử lý (${p.dueAt}).\n\nMở công việc: ${p.link}\n`,
    }),
    en: (p) => ({
      subject: `[Quy Trinh] Deadline near: ${p.taskName}`,
      text: `Dear ${p.recipientName},\n\nThe task "${p.taskName}" is due soon (${p.dueAt}).\n\nOpen the task: ${p.link}\n`,
    }),
  },
  'overdue-escalation': {
    vi: (p) => ({
      subject: `[Quy Trình] Quá hạn: ${p.taskName}`,
      text: `Kính gửi ${p.recipientName},\n\nCông việc "${p.taskName}" đã quá hạn xử lý (${p.dueAt}) và được báo cáo lên người phụ trách.\n\nMở công việc: ${p.link}\n`,
    }),
    en: (p) => ({
      subject: `[Quy Trinh] Overdue: ${p.taskName}`,
      text: `Dear ${p.recipientName},\n\nThe task "${p.taskName}" is overdue (due ${p.dueAt}) and has been escalated to you.\n\nOpen the task: ${p.link}\n`,
    }),
  },
  'decision-issued': {
    vi: (p) => ({
      subject: `[Quy Trình] Đã ban hành quyết định: ${p.decisionTitle}`,
      text: `Kính gửi ${p.recipientName},\n\nQuyết định "${p.decisionTitle}"${p.caseCode ? ` của hồ sơ ${p.caseCode}` : ''} đã được ban hành.\n\nXem hồ sơ: ${p.link}\n`,
    }),
    en: (p) => ({
      subject: `[Quy Trinh] Decision issued: ${p.decisionTitle}`,
      text: `Dear ${p.recipientName},\n\nThe decision "${p.decisionTitle}"${p.caseCode ? ` of case ${p.caseCode}` : ''} has been issued.\n\nOpen the case: ${p.link}\n`,
    }),
  },
  'report-ready': {
    vi: (p) => ({
      subject: `[Quy Trình] Báo cáo định kỳ đã sẵn sàng: ${p.reportTitle}`,
      text: `Kính gửi ${p.recipientName},\n\nBáo cáo "${p.reportTitle}" đã được lập.\n\nTải bảng tính (XLSX): ${p.xlsxLink}\nTải bản PDF: ${p.pdfLink}\n`,
    }),
    en: (p) => ({
      subject: `[Quy Trinh] Periodic report ready: ${p.reportTitle}`,
      text: `Dear ${p.recipientName},\n\nThe report "${p.reportTitle}" has been generated.\n\nSpreadsheet (XLSX): ${p.xlsxLink}\nPDF: ${p.pdfLink}\n`,
    }),
  },
  'audit-anchor': {
    vi: (p) => ({
      subject: `[Quy Trình] Mốc nhật ký kiểm tra: #${p.seq}`,
      text: `Kính gửi ${p.recipientName},\n\nĐây là mốc của chuỗi băm nhật ký kiểm tra, lúc ${p.at}:\n\nSố thứ tự: ${p.seq}\nMã dòng: ${p.id}\nBăm: ${p.hash}\n\nVui lòng lưu thư này ngoài hệ thống. Khi kiểm tra, so sánh bằng: npm run audit:verify -- --anchor ${p.seq}:${p.hash}\n`,
    }),
    en: (p) => ({
      subject: `[Quy Trinh] Audit log anchor: #${p.seq}`,
      text: `Dear ${p.recipientName},\n\nThis is an anchor of the audit log hash chain, taken at ${p.at}:\n\nSequence: ${p.seq}\nRow id: ${p.id}\nHash: ${p.hash}\n\nPlease keep this mail outside the system. To check it: npm run audit:verify -- --anchor ${p.seq}:${p.hash}\n`,
    }),
  },
  ...procedureTemplates,
};

export function renderMail(template: TemplateName, locale: string, params: Params): RenderedMail {
  const byLocale = templates[template];
  if (!byLocale) throw new Error(`unknown mail template ${template}`);
  return (byLocale[locale === 'en' ? 'en' : 'vi'])(params);
}

export function isTemplate(name: unknown): name is TemplateName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(templates, name);
}
