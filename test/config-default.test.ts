// The plain default configuration the checks use is what the configuration schema gives for an empty file.
import { describe, it, expect } from 'vitest';
import { Config } from '../src/config.js';
import { defaultConfig } from '../src/config-default.js';

describe('defaultConfig', () => {
  it('equals Config.parse({}), key for key', () => {
    expect(defaultConfig).toStrictEqual(Config.parse({}));
    expect(Object.keys(defaultConfig)).toEqual(Object.keys(Config.parse({})));
  });
});
