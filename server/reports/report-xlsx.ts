import ExcelJS from 'exceljs';
import type { ReportData } from './report-data.service';

const UNIT_VI: Record<string, string> = { persons: 'người', count: 'đơn vị', percent: '%', days: 'ngày' };
const STATUS_VI: Record<string, string> = { met: 'Đạt', not_met: 'Chưa đạt', no_target: 'Theo dõi', no_data: 'Chưa có số liệu' };
export const SUMMARY_SHEET = 'Tổng hợp';
export const BREAKDOWN_SHEET = 'Theo địa bàn';

/** Column layout of the summary sheet (read back by tests and by integrators). */
export const SUMMARY_COLUMNS = ['STT', 'Mã chỉ tiêu', 'Chỉ tiêu', 'Đơn vị', 'Chỉ tiêu kế hoạch', 'Thực hiện', 'Tử số', 'Mẫu số', 'Đánh giá'] as const;

/**
 * The 6-monthly / annual report as a workbook: sheet "Tổng hợp" (one row per indicator: target,
 * actual, numerator, denominator, assessment) and "Theo địa bàn" (one row per commune × indicator).
 * Numbers are numeric cells (format #,##0.0: shown 1.234,5 in a Vietnamese Excel).
 */
export async function renderReportXlsx(data: ReportData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Quy Trình';
  wb.created = data.generatedAt;
  const title = `BÁO CÁO KẾT QUẢ CÔNG TÁC CAI NGHIỆN VÀ QUẢN LÝ SAU CAI NGHIỆN MA TÚY ${data.period.label.vi.toUpperCase()}`;

  const summary = wb.addWorksheet(SUMMARY_SHEET);
  summary.addRow([title]).font = { bold: true, size: 13 };
  summary.addRow([`Địa bàn: ${data.jurisdiction.name} (${data.jurisdiction.code}) – Kỳ báo cáo: ${data.period.from} đến ${data.period.to}`]);
  summary.addRow([]);
  const header = summary.addRow([...SUMMARY_COLUMNS]);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } };
    c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  data.lines.forEach((l, i) => {
    const t = l.indicator.target;
    const row = summary.addRow([
      i + 1, l.indicator.code, l.indicator.name.vi, UNIT_VI[l.indicator.unit], t ? `${t.op} ${t.value}` : '',
      l.result.value, l.result.numerator ?? null, l.result.denominator ?? null, STATUS_VI[l.status],
    ]);
    for (const col of [6, 7, 8]) row.getCell(col).numFmt = '#,##0.0';
  });
  summary.columns.forEach((c, i) => (c.width = [6, 24, 60, 10, 16, 12, 10, 10, 14][i]));

  const by = wb.addWorksheet(BREAKDOWN_SHEET);
  const h2 = by.addRow(['Mã chỉ tiêu', 'Chỉ tiêu', 'Mã địa bàn', 'Địa bàn', 'Thực hiện', 'Tử số', 'Mẫu số']);
  h2.font = { bold: true };
  for (const l of data.lines) {
    for (const b of l.byCommune) {
      const row = by.addRow([l.indicator.code, l.indicator.name.vi, b.code, b.name, b.value, b.numerator ?? null, b.denominator ?? null]);
      row.getCell(5).numFmt = '#,##0.0';
    }
  }
  by.columns.forEach((c, i) => (c.width = [24, 50, 12, 28, 12, 10, 10][i]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
