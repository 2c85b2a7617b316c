import { fuzzRuns } from './fuzz/arbitraries.ts';
import { defineFuzzBattery } from './fuzz/battery.ts';

// Issue 9: the fuzz battery, first half (the second is fuzz-citizen.test.ts; two files run on two cores).
defineFuzzBattery({ runs: fuzzRuns(process.env), coverage: true, procedures: ['officer'], routes: [] });
