// Formatter registry: selected by --format; shared helpers live in common.ts.
import type { Formatter } from './common.js';
import { json } from './json.js';
import { ndjson } from './ndjson.js';
import { stylish } from './stylish.js';
import { junit } from './junit.js';
import { github } from './github.js';
import { xlsx } from './xlsx.js';

export * from './common.js';

export const formatters: Record<string, Formatter> = { github, json, junit, ndjson, stylish, xlsx };
