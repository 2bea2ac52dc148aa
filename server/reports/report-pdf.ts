import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { NATIONAL_HEADER, NATIONAL_MOTTO, placeDateLine } from '../documents/pdf-renderer';
import type { ReportData } from './report-data.service';

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const UNIT_VI: Record<string, string> = { persons: 'người', count: 'đơn vị', percent: '%', days: 'ngày' };
const STATUS_VI: Record<string, string> = { met: 'Đạt', not_met: 'Chưa đạt', no_target: 'Theo dõi', no_data: 'Chưa có số liệu' };

/** 1.234,5 */
export function vnNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(value);
}

/**
 * The report in the Vietnamese administrative layout (Nghị định 30/2020 style): issuer and national
 * header side by side, place/date, title, a table of indicators (target, actual, assessment) and the
 * commune breakdown. Same DejaVu fonts as server/documents (full Vietnamese coverage, from npm).
 */
export function renderReportPdf(data: ReportData): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', layout: 'landscape', margins: { top: 42, bottom: 42, left: 56, right: 42 }, info: { Title: `Báo cáo ${data.period.label.vi}`, Creator: 'Quy Trình' } });
  pdf.registerFont('regular', path.join(fontDir, 'DejaVuSerif.ttf'));
  pdf.registerFont('bold', path.join(fontDir, 'DejaVuSerif-Bold.ttf'));
  pdf.registerFont('italic', path.join(fontDir, 'DejaVuSerif-Italic.ttf'));
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const nfc = (s: string) => s.normalize('NFC');
  const left = pdf.page.margins.left;
  const width = pdf.page.width - left - pdf.page.margins.right;
  const top = pdf.y;
  pdf.font('bold').fontSize(11).text(nfc(`UBND ${data.jurisdiction.name.toUpperCase()}`), left, top, { width: width * 0.4, align: 'center' });
  pdf.font('bold').text(nfc(NATIONAL_HEADER), left + width * 0.45, top, { width: width * 0.55, align: 'center' });
  pdf.font('bold').text(nfc(NATIONAL_MOTTO), { width: width * 0.55, align: 'center' });
  pdf.moveDown(0.5);
  const date = data.generatedAt.toISOString().slice(0, 10);
  pdf.font('italic').fontSize(10).text(nfc(placeDateLine(data.jurisdiction.name, date)), left + width * 0.45, pdf.y, { width: width * 0.55, align: 'center' });
  pdf.moveDown(1);
  pdf.font('bold').fontSize(13).text('BÁO CÁO', left, pdf.y, { width, align: 'center' });
  pdf.font('bold').fontSize(11).text(nfc(`Kết quả thực hiện công tác cai nghiện và quản lý sau cai nghiện ma túy ${data.period.label.vi}`), { width, align: 'center' });
  pdf.font('regular').fontSize(10).text(nfc(`Kỳ báo cáo: từ ${fmt(data.period.from)} đến ${fmt(data.period.to)}`), { width, align: 'center' });
  pdf.moveDown(1);

  const cols = [{ t: 'STT', w: 30 }, { t: 'Chỉ tiêu', w: 330 }, { t: 'Đơn vị', w: 55 }, { t: 'Chỉ tiêu KH', w: 80 }, { t: 'Thực hiện', w: 80 }, { t: 'Tử số / Mẫu số', w: 90 }, { t: 'Đánh giá', w: 75 }];
  const row = (cells: string[], font: 'regular' | 'bold') => {
    pdf.font(font).fontSize(9);
    const heights = cells.map((c, i) => pdf.heightOfString(nfc(c), { width: cols[i].w - 6 }));
    const h = Math.max(...heights) + 6;
    if (pdf.y + h > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
    const y = pdf.y;
    let x = left;
    cells.forEach((c, i) => {
      pdf.rect(x, y, cols[i].w, h).stroke();
      pdf.text(nfc(c), x + 3, y + 3, { width: cols[i].w - 6, align: i >= 3 && i <= 5 ? 'right' : 'left' });
      x += cols[i].w;
    });
    pdf.x = left;
    pdf.y = y + h;
  };
  row(cols.map((c) => c.t), 'bold');
  data.lines.forEach((l, i) => {
    const t = l.indicator.target;
    row([
      String(i + 1), l.indicator.name.vi, UNIT_VI[l.indicator.unit], t ? `${t.op} ${vnNumber(t.value)}` : '–', vnNumber(l.result.value),
      l.result.denominator !== undefined ? `${vnNumber(l.result.numerator)} / ${vnNumber(l.result.denominator)}` : '', STATUS_VI[l.status],
    ], 'regular');
  });

  pdf.addPage();
  pdf.font('bold').fontSize(11).text('Phụ lục: Kết quả theo địa bàn cấp xã', left, pdf.y, { width, align: 'center' });
  pdf.moveDown(0.5);
  for (const l of data.lines) {
    if (pdf.y > pdf.page.height - 120) pdf.addPage();
    pdf.font('bold').fontSize(9).text(nfc(l.indicator.name.vi), left, pdf.y, { width });
    pdf.font('regular').fontSize(9).text(nfc(l.byCommune.map((b) => `${b.name}: ${vnNumber(b.value)}`).join('; ') || '–'), { width });
    pdf.moveDown(0.4);
  }
  pdf.end();
  return done;
}

function fmt(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
