// The configuration of a run that configures nothing, as plain data: every worker's checks read it, and building the
// zod schemas only to learn these defaults cost ~0.1 s of each worker's start. test/config-default.test.ts keeps it
// equal to what `Config.parse({})` gives.
import type { Config } from './config.js';

export const defaultConfig: Config = { rules: {}, weightTotal: [90, 100], rounding: 'truncate-as-warning', lang: 'zh' };
