/** Helpers for the portal's component tests (`*.browser.test.ts`); see "Component tests" in apps/portal/README.md. */
export { allInShadow, deepActiveElement, deepQuery, descriptionsOf, inShadow, listen, mount, recordEvents, settled, shadowOf } from './component.ts';
export { FakeApi, FakeNetworkError, FakeTrpcError, deferred, fakeApi, trpcError } from './fake-api.ts';
export type { ProcedureOutput } from './procedures.ts';
