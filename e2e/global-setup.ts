import { startFixtureServer } from './fixture-server.ts';

/** Serves the partner fixture pages for the whole run; the returned function is the global teardown. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await startFixtureServer();
  return () =>
    new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    });
}
