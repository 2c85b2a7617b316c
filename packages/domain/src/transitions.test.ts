import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, type CaseStatus } from './case-status.ts';
import { DomainError } from './errors.ts';
import { answer, classify, forward } from './transitions.ts';

const at = (status: CaseStatus) => ({ status, unitId: null });

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
  return undefined;
}

describe('case transitions', () => {
  it('accepts an in-scope classification of a received case', () => {
    expect(classify(at('received'), { scope: 'in', category: 'late_result' })).toEqual({
      from: 'received',
      to: 'accepted',
      kind: 'classified_in_scope',
      visibleToCitizen: true,
    });
  });

  it('refers an out-of-scope case with its guidance', () => {
    const result = classify(at('received'), {
      scope: 'out',
      outOfScopeClass: 'crime_report',
      referral: 'Liên hệ cơ quan Công an gần nhất.',
    });
    expect(result.to).toBe('referred');
    expect(result.kind).toBe('referred');
  });

  it('refuses an out-of-scope classification without guidance', () => {
    expect(codeOf(() => classify(at('received'), { scope: 'out', outOfScopeClass: 'other', referral: '  ' }))).toBe('invalid');
  });

  it.each(CASE_STATUSES.filter((s) => s !== 'received'))('refuses to classify a case that is %s', (status) => {
    expect(codeOf(() => classify(at(status), { scope: 'in', category: 'late_result' }))).toBe('illegal_transition');
  });

  it('forwards an accepted case', () => {
    expect(forward(at('accepted'), 'ward-hoan-kiem').to).toBe('forwarded');
  });

  it.each(CASE_STATUSES.filter((s) => s !== 'accepted'))('refuses to forward a case that is %s', (status) => {
    expect(codeOf(() => forward(at(status), 'ward-hoan-kiem'))).toBe('illegal_transition');
  });

  it('answers a forwarded case', () => {
    expect(answer(at('forwarded'), 'Đơn vị đã trả kết quả cho công dân ngày 25/11.').to).toBe('answered');
  });

  it('refuses an empty answer', () => {
    expect(codeOf(() => answer(at('forwarded'), '   '))).toBe('invalid');
  });

  it.each(CASE_STATUSES.filter((s) => s !== 'forwarded'))('refuses to answer a case that is %s', (status) => {
    expect(codeOf(() => answer(at(status), 'Một câu trả lời đủ dài cho người dân.'))).toBe('illegal_transition');
  });
});
