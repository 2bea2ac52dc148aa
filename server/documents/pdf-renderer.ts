import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

/** An official notice or decision laid out like the paper Mẫu (Nghị định 30/2020 style). */
export interface OfficialDocument {
  /** "Mẫu số 24" — printed top right */
  mau: string;
  /** the instrument the Mẫu belongs to, e.g. "Nghị định số 116/2021/NĐ-CP" */
  instrument: string;
  issuer: { parent?: string; name: string };
  /** "Số: 25/QĐ-UBND" (without "Số:") */
  number: string;
  place: string;
  /** YYYY-MM-DD */
  date: string;
  title: string;
  subtitle?: string;
  /** "Kính gửi: …" */
  addressee?: string;
  body: Block[];
  signer: { position: string; name: string };
  recipients?: string[];
}

/** A paragraph, a labelled field, or a heading of the body. */
export type Block = string | { label: string; value: string } | { heading: string };

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONTS = {
  regular: path.join(fontDir, 'DejaVuSerif.ttf'),
  bold: path.join(fontDir, 'DejaVuSerif-Bold.ttf'),
  italic: path.join(fontDir, 'DejaVuSerif-Italic.ttf'),
};

export const NATIONAL_HEADER = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** "Xã Sông Xanh, ngày 05 tháng 02 năm 2026" */
export function placeDateLine(place: string, date: string): string {
  const [y, m, d] = date.split('-');
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}

/**
 * Renders the document with DejaVu Serif (full Vietnamese coverage, shipped in the npm package:
 * no system font is needed). Text is NFC-normalised so precomposed diacritics are used.
 */
export function renderOfficialPdf(doc: OfficialDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4', margins: { top: 56, bottom: 56, left: 85, right: 56 },
    info: { Title: `${doc.title} (${doc.mau})`, Author: doc.issuer.name, Creator: 'Quy Trình' },
  });
  pdf.registerFont('regular', FONTS.regular);
  pdf.registerFont('bold', FONTS.bold);
  pdf.registerFont('italic', FONTS.italic);
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const t = (s: string): string => s.normalize('NFC');
  const left = pdf.page.margins.left;
  const width = pdf.page.width - left - pdf.page.margins.right;
  const leftCol = width * 0.4;
  const rightX = left + leftCol;
  const rightCol = width - leftCol;

  pdf.font('italic').fontSize(9).text(t(`${doc.mau} – ban hành kèm theo ${doc.instrument}`), left, 30, { width, align: 'right' });
  const top = 60;
  pdf.font('regular').fontSize(11);
  if (doc.issuer.parent) pdf.text(t(doc.issuer.parent.toUpperCase()), left, top, { width: leftCol, align: 'center' });
  pdf.font('bold').text(t(doc.issuer.name.toUpperCase()), left, doc.issuer.parent ? undefined : top, { width: leftCol, align: 'center' });
  pdf.font('regular').text(t(`Số: ${doc.number}`), left, pdf.y + 6, { width: leftCol, align: 'center' });
  const leftBottom = pdf.y;
  pdf.font('bold').fontSize(11).text(t(NATIONAL_HEADER), rightX, top, { width: rightCol, align: 'center' });
  pdf.text(t(NATIONAL_MOTTO), rightX, pdf.y, { width: rightCol, align: 'center', underline: true });
  pdf.font('italic').text(t(placeDateLine(doc.place, doc.date)), rightX, pdf.y + 8, { width: rightCol, align: 'center' });
  pdf.y = Math.max(leftBottom, pdf.y) + 24;

  pdf.font('bold').fontSize(14).text(t(doc.title.toUpperCase()), left, pdf.y, { width, align: 'center' });
  if (doc.subtitle) pdf.font('bold').fontSize(12).text(t(doc.subtitle), { width, align: 'center' });
  pdf.moveDown(1);
  if (doc.addressee) pdf.font('regular').fontSize(12).text(t(`Kính gửi: ${doc.addressee}`), { width, align: 'center' }).moveDown(0.5);
  pdf.fontSize(12);
  for (const block of doc.body) {
    if (typeof block === 'string') pdf.font('regular').text(t(block), left, pdf.y, { width, align: 'justify', indent: 28, paragraphGap: 4 });
    else if ('heading' in block) pdf.font('bold').text(t(block.heading), left, pdf.y + 4, { width, align: 'center', paragraphGap: 4 });
    else pdf.font('bold').text(t(`${block.label}: `), left, pdf.y, { width, continued: true }).font('regular').text(t(block.value), { paragraphGap: 2 });
  }
  pdf.moveDown(1.5);
  const signTop = pdf.y;
  if (doc.recipients?.length) {
    pdf.font('bold').fontSize(10).text(t('Nơi nhận:'), left, signTop, { width: leftCol });
    pdf.font('regular').fontSize(9);
    for (const r of doc.recipients) pdf.text(t(`- ${r};`), { width: leftCol });
  }
  pdf.font('bold').fontSize(12).text(t(doc.signer.position.toUpperCase()), rightX, signTop, { width: rightCol, align: 'center' });
  pdf.font('italic').fontSize(10).text(t('(Ký, ghi rõ họ tên, đóng dấu)'), rightX, pdf.y, { width: rightCol, align: 'center' });
  pdf.font('bold').fontSize(12).text(t(doc.signer.name), rightX, pdf.y + 48, { width: rightCol, align: 'center' });
  pdf.end();
  return done;
}
