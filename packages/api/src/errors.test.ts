import { TRPCError } from '@trpc/server';
import { DomainError } from '@pakn/domain';
import { describe, expect, it } from 'vitest';
import { formatError } from './errors.ts';

function format(error: DomainError, lang: 'vi' | 'en') {
  return formatError(new TRPCError({ code: 'BAD_REQUEST', message: error.message, cause: error }), lang);
}

describe('formatError', () => {
  it('words the field codes of a domain error as the reason says, next to the field', () => {
    const taken = format(new DomainError('conflict', 'Username taken', { reason: 'username_taken', fields: { username: 'username_taken' } }), 'vi');
    expect(taken.data).toEqual({ reason: 'username_taken', fieldErrors: { username: 'Tên đăng nhập đã được dùng.' } });
    const unit = format(new DomainError('invalid', 'Unit required', { reason: 'unit_required', fields: { unitId: 'unit_required' } }), 'en');
    expect(unit.data.fieldErrors).toEqual({ unitId: 'A unit member needs a unit.' });
  });

  it('still says "invalid value" for a field code nobody words', () => {
    const odd = format(new DomainError('invalid', 'Odd', { fields: { parentId: 'no_such_code' } }), 'en');
    expect(odd.data.fieldErrors).toEqual({ parentId: 'Invalid value.' });
  });
});
