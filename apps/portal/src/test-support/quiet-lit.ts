/**
 * Lit's development build (what Vite serves to the tests) warns once per page that it is not for production.
 * Marking that warning as issued keeps the test output for real findings; Lit's other warnings still show.
 */
const lit = globalThis as typeof globalThis & { litIssuedWarnings?: Set<string | undefined> };
lit.litIssuedWarnings ??= new Set();
lit.litIssuedWarnings.add('dev-mode');
