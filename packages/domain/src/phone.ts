/**
 * Callers' numbers: stored in one form so that a repeat caller is recognised whatever way the number was
 * typed, and shown masked so that a screen over someone's shoulder does not give it away.
 */
export function normalizePhone(input: string): string | null {
  let digits = input.replace(/[\s.()-]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('84') && digits.length === 11) digits = `0${digits.slice(2)}`;
  return /^0\d{8,10}$/.test(digits) ? digits : null;
}

/** 0912345678 → 0912 *** 678 */
export function maskPhone(phone: string): string {
  const digits = normalizePhone(phone) ?? phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 4)} *** ${digits.slice(-3)}`;
}

/** Nguyễn Văn Bình → N*** V*** B*** */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((part) => `${[...part][0] ?? ''}***`)
    .join(' ');
}

/** dan@example.vn → d***@example.vn */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${[...local][0] ?? ''}***@${domain}`;
}
