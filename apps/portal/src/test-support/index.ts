/** Helpers for the portal's component tests (`*.browser.test.ts`); see "Component tests" in apps/portal/README.md. */
export {
  allInShadow,
  deepActiveElement,
  deepQuery,
  descriptionsOf,
  inShadow,
  listen,
  mount,
  recordEvents,
  settled,
  shadowOf,
  type MountOptions,
} from './component.ts';
export {
  FakeApi,
  FakeNetworkError,
  FakeTrpcError,
  deferred,
  fakeApi,
  trpcError,
  type FakeRequestInfo,
  type HttpHandler,
  type RecordedCall,
  type TrpcErrorOptions,
  type TrpcHandler,
} from './fake-api.ts';
export type { ProcedureInput, ProcedureOutput, ProcedurePath } from './procedures.ts';
