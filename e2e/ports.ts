/**
 * The e2e servers' ports. E2E_PORT_BASE moves all three, so that two checkouts on one machine can run
 * their suites at the same time.
 */
const base = Number(process.env.E2E_PORT_BASE ?? 18480);
if (!Number.isInteger(base) || base < 1024 || base > 65000) throw new Error(`E2E_PORT_BASE must be a port number, got ${process.env.E2E_PORT_BASE}`);

export const PAKN_PORT = base;
export const DEMO_PORT = base + 1;
export const FIXTURE_PORT = base + 2;
