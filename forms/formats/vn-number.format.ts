/** Numbers with Vietnamese separators: `.` for thousands, `,` for decimals (1.234,5). */

/** 1234.5 → `1.234,5`; `fractionDigits` fixes the decimals, otherwise up to 6 are kept. */
export function formatVnNumber(value: number, fractionDigits?: number): string {
  if (!Number.isFinite(value)) return '';
  const fixed =
    fractionDigits === undefined ? String(Number(value.toFixed(6))) : value.toFixed(fractionDigits);
  const negative = fixed.startsWith('-');
  const [intPart, fracPart] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${grouped}${fracPart ? `,${fracPart}` : ''}`;
}

/** `1.234,5` → 1234.5, `-12,75` → -12.75; anything that is not such a number → null. */
export function parseVnNumber(text: string): number | null {
  const trimmed = text.trim().replace(/\s/g, '');
  if (!/^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/.test(trimmed)) return null;
  const value = Number(trimmed.replace(/\./g, '').replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}
