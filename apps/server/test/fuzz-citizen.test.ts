import { fuzzRuns } from './fuzz/arbitraries.ts';
import { defineFuzzBattery } from './fuzz/battery.ts';

// Issue 9: the fuzz battery, second half: every procedure as an anonymous caller, every HTTP route as both.
defineFuzzBattery({ runs: fuzzRuns(process.env), coverage: false, procedures: ['anonymous'], routes: ['officer', 'anonymous'] });
