import { TRPCClientError } from '@trpc/client';
import { describe, expect, test } from 'vitest';
// Through the package's import alias, as features import it: the resolution the built app uses works here too.
import { errorInfo, paknClient } from '#shared/client.ts';
import { deferred, fakeApi, FakeNetworkError, trpcError } from './index.ts';

/** The fake speaks the wire format the real client expects: checked here with the portal's own client. */
describe('fakeApi (test support)', () => {
  test('answers a batch of queries sent in one request, in order, with the inputs the client sent', async () => {
    const api = fakeApi();
    api.answer('auth.me', null);
    api.on('case.letters', (input) => (input.caseId === 'case-7' ? [] : Promise.reject(new Error('wrong input'))));

    const [me, letters] = await Promise.all([paknClient().auth.me.query(), paknClient().case.letters.query({ caseId: 'case-7' })]);

    expect(me).toBeNull();
    expect(letters).toEqual([]);
    expect(api.calls.map((c) => c.path)).toEqual(['auth.me', 'case.letters']);
    expect(api.calls[0]?.request.url.href).toBe(api.calls[1]?.request.url.href);
    expect(api.calls[0]?.request.method).toBe('GET');
    expect(api.inputs('case.letters')).toEqual([{ caseId: 'case-7' }]);
  });

  test('a failure reaches the client as the API shapes it: reason, field errors, status, message in the page’s language', async () => {
    document.documentElement.lang = 'en';
    fakeApi().fail('unit.record', trpcError('invalid', { fieldErrors: { note: 'Too short.' } }));

    const error: unknown = await paknClient()
      .unit.record.mutate({ unitId: 'u', kind: 'reminder', note: 'x' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TRPCClientError);
    expect(errorInfo(error, 'en')).toEqual({
      reason: 'invalid',
      message: 'Some fields are invalid. Please check the marked fields.',
      fieldErrors: { note: 'Too short.' },
      httpStatus: 400,
    });
  });

  test('a network failure is one to the client too', async () => {
    fakeApi().fail('auth.me', new FakeNetworkError());
    const error: unknown = await paknClient()
      .auth.me.query()
      .catch((e: unknown) => e);
    expect(errorInfo(error, 'vi').reason).toBe('network');
  });

  test('an aborted call rejects although its answer is still pending', async () => {
    const answer = deferred<null>();
    fakeApi().on('auth.me', () => answer.promise);
    const controller = new AbortController();
    const call = paknClient().auth.me.query(undefined, { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toThrow(/abort/i);
    answer.resolve(null);
  });

  test('a call nobody answers fails, and is reported so that the test fails', async () => {
    const api = fakeApi();
    const error: unknown = await paknClient()
      .auth.me.query()
      .catch((e: unknown) => e);
    expect(errorInfo(error, 'vi').reason).toBe('not_found');
    expect(api.problems).toEqual(['no fake answer for the procedure auth.me']);
    // The setup file would fail this test for it; here the failure is the point.
    api.problems.splice(0);
  });
});
