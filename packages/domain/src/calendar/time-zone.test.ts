import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { timeZoneProbe } from './fixtures/time-zone-probe.ts';

/** Offsets `getTimezoneOffset` reports on 1 January 2025, to prove each TZ setting took effect. */
const ZONES: [string, number][] = [
  ['UTC', 0],
  ['America/New_York', 300],
  ['Asia/Ho_Chi_Minh', -420],
  ['Pacific/Kiritimati', -840],
  ['Pacific/Pago_Pago', 660],
];

const EXPECTED = {
  fridayAt1659Plus1: '2025-03-17T09:59:00.000Z',
  fridayAt1701Plus1: '2025-03-17T10:00:00.000Z',
  fridayAt1701Opens: '2025-03-17T01:00:00.000Z',
  acrossTet2025Plus5: '2025-02-07T03:00:00.000Z',
  acrossBridge2025Plus5: '2025-05-05T02:00:00.000Z',
  saturdayUnitPlus1: '2025-03-15T03:00:00.000Z',
  hoursOverWeekend: '2025-03-17T02:00:00.000Z',
  timeAcrossTet: String(8 * 60 * 60 * 1000),
  dateJustAfterVietnamMidnight: '2025-01-29',
  workingJustAfterVietnamMidnight: 'false',
  workingLateFridayInHanoi: 'true',
  workingEarlySaturdayInHanoi: 'false',
  answerDeadline: '2025-05-19T02:00:00.000Z',
};

function findTsxLoader(): string {
  for (const base of ['../../package.json', '../../../../package.json', '../../../../apps/server/package.json']) {
    try {
      return createRequire(new URL(base, import.meta.url)).resolve('tsx');
    } catch {
      // Not installed beside this package.json; try the next one.
    }
  }
  throw new Error('tsx is not installed in the workspace (apps/server depends on it)');
}

describe('independence from the server time zone', () => {
  const original = process.env.TZ;
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it.each(ZONES)('answers the same under TZ=%s in this process', (zone, offset) => {
    process.env.TZ = zone;
    expect(new Date(2025, 0, 1).getTimezoneOffset()).toBe(offset);
    expect(timeZoneProbe()).toMatchObject(EXPECTED);
  });

  it('answers the same in child processes started with TZ=UTC and TZ=America/New_York', () => {
    delete process.env.TZ;
    const reference = timeZoneProbe();
    const loader = pathToFileURL(findTsxLoader()).href;
    const probe = pathToFileURL(fileURLToPath(new URL('./fixtures/time-zone-probe.ts', import.meta.url))).href;
    const script = `const { timeZoneProbe } = await import(${JSON.stringify(probe)});
      console.log(JSON.stringify({ offset: new Date(2025, 0, 1).getTimezoneOffset(), result: timeZoneProbe() }));`;
    for (const [zone, offset] of [
      ['UTC', 0],
      ['America/New_York', 300],
    ] as const) {
      const child = spawnSync(process.execPath, ['--import', loader, '--input-type=module', '--eval', script], {
        env: { ...process.env, TZ: zone },
        encoding: 'utf8',
        timeout: 15_000,
      });
      expect(child.stderr).toBe('');
      expect(child.status).toBe(0);
      const output = JSON.parse(child.stdout) as { offset: number; result: Record<string, string> };
      expect(output.offset).toBe(offset);
      expect(output.result).toEqual(reference);
      expect(output.result).toMatchObject(EXPECTED);
    }
  });
});
