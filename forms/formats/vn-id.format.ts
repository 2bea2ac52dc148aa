/**
 * Vietnamese identifier formats used as JSON Schema `format`s (see docs/conventions.md).
 * Pure functions: the same code checks values in the browser and on the server.
 */

/** CCCD (căn cước công dân): 12 digits; the first 3 are the province of registration, 001–096. */
export function isCccd(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  const province = Number(value.slice(0, 3));
  return province >= 1 && province <= 96;
}

/** CMND (chứng minh nhân dân): the old 9-digit card or the 12-digit one. */
export function isCmnd(value: string): boolean {
  return /^(\d{9}|\d{12})$/.test(value);
}

/**
 * Vietnamese phone number: mobile `0[35789]xxxxxxxx` (10 digits) or landline `02xxxxxxxxx` (11 digits),
 * with `+84` (or `84` after `+`) instead of the leading 0. No spaces: widgets strip them before storing.
 */
export function isVnPhone(value: string): boolean {
  return /^(?:0|\+84)(?:[35789]\d{8}|2\d{9})$/.test(value);
}

/** Strips spaces, dots and dashes a user typed: `0912 345 678` → `0912345678`. */
export function normalizeVnPhone(value: string): string {
  return value.replace(/[\s.\-()]/g, '');
}

/** Official administrative code: province (2 digits), district (3) or commune (5). */
export function isJurisdictionCode(value: string): boolean {
  return /^(\d{2}|\d{3}|\d{5})$/.test(value);
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
