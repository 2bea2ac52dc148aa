import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, totp, verifyTotp } from '../../server/auth/totp';

describe('TOTP (RFC 6238)', () => {
  const secret = base32Encode(Buffer.from('12345678901234567890'));

  it('should match the RFC 6238 SHA-1 test vectors', () => {
    // given / when / then: RFC 6238 appendix B (8 digits)
    const vectors: [number, string][] = [[59, '94287082'], [1111111109, '07081804'], [1111111111, '14050471'], [1234567890, '89005924'], [2000000000, '69279037'], [20000000000, '65353130']];
    for (const [seconds, code] of vectors) expect(totp(secret, new Date(seconds * 1000), 8)).toBe(code);
  });

  it('should match the RFC 4226 HOTP vectors', () => {
    const codes = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    codes.forEach((code, counter) => expect(hotp(Buffer.from('12345678901234567890'), counter)).toBe(code));
  });

  it('should round-trip base32', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 255, 17, 99]);
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
  });

  it('should accept the previous and next step only, and refuse malformed codes', () => {
    const now = new Date('2026-03-02T01:00:00Z');
    const prev = totp(secret, new Date(now.getTime() - 30_000));
    const far = totp(secret, new Date(now.getTime() - 90_000));
    expect(verifyTotp(secret, prev, now)).toBe(Math.floor(now.getTime() / 30_000) - 1);
    expect(verifyTotp(secret, far, now) === undefined || far === totp(secret, now)).toBe(true);
    expect(verifyTotp(secret, '12345', now)).toBeUndefined();
    expect(verifyTotp(secret, 'abcdef', now)).toBeUndefined();
  });
});
