/** Official documents (PDF, by Mẫu number) the server renders for a case of each procedure. */
export const CASE_DOCUMENTS: { mau: string; vi: string; en: string; procedures: string[] }[] = [
  { mau: '05', vi: 'Phiếu kết quả xác định tình trạng nghiện ma túy', en: 'Addiction determination result sheet', procedures: ['addiction-determination'] },
  { mau: '24', vi: 'Quyết định cai nghiện tự nguyện / điều trị thay thế', en: 'Voluntary rehab / substitution treatment decision', procedures: ['voluntary-registration'] },
  { mau: '27', vi: 'Biên bản vi phạm', en: 'Violation record', procedures: ['addiction-determination', 'voluntary-registration'] },
  { mau: '29', vi: 'Văn bản đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc', en: 'Proposal for compulsory rehab', procedures: ['compulsory-dossier'] },
  { mau: '32', vi: 'Thông báo về việc lập hồ sơ đề nghị', en: 'Notice of the dossier', procedures: ['compulsory-dossier'] },
  { mau: '36', vi: 'Quyết định quản lý trong thời gian lập hồ sơ', en: 'Interim management decision', procedures: ['compulsory-dossier'] },
  { mau: '40', vi: 'Biên bản bàn giao người vào cơ sở cai nghiện bắt buộc', en: 'Handover record at the centre', procedures: ['escort-admission'] },
  { mau: '46', vi: 'Giấy chứng nhận hoàn thành chấp hành quyết định', en: 'Certificate of completion', procedures: ['escort-admission'] },
  { mau: '51', vi: 'Quyết định quản lý sau cai nghiện ma túy', en: 'Post-rehab management decision', procedures: ['post-rehab-supervision'] },
  { mau: '54', vi: 'Giấy chứng nhận hoàn thành thời gian quản lý sau cai', en: 'Certificate of completed post-rehab management', procedures: ['post-rehab-supervision'] },
];
