/** What tests of other packages use from the database package's test support. */
export { startFakeLibsqlServer, type FakeLibsqlServer } from './fake-libsql-server.ts';
export { seededRandom } from './seeded-random.ts';
