import { expect } from 'chai';
import { readPlatformName } from '../../lib/attack/platform-names.js';
import { attackLibrary } from '../layer/attack-data.js';

describe('attack/platform-names readPlatformName', () => {
  const library = attackLibrary();
  const v18 = library.release('enterprise-attack', '18.1').platforms();
  const v8 = library.release('enterprise-attack', '8.2').platforms();

  const rows: ReadonlyArray<readonly [name: string, platforms: readonly string[], release: string, expected: ReturnType<typeof readPlatformName>]> = [
    ['Windows', v18, '18.1', { platform: 'Windows' }],
    [' Linux ', v18, '18.1', { platform: 'Linux' }],
    ['Office 365', v18, '18.1', { platform: 'Office Suite', how: 'ATT&CK 16.0 renamed it' }],
    ['azure ad', v18, '18.1', { platform: 'Identity Provider', how: 'ATT&CK 16.0 renamed it' }],
    ['AWS', v18, '18.1', { platform: 'IaaS', how: 'ATT&CK 9.0 renamed it' }],
    ['Network', v18, '18.1', { platform: 'Network Devices', how: 'ATT&CK 17.0 renamed it' }],
    ['mac', v18, '18.1', { platform: 'macOS', how: 'as Navigator reads it' }],
    ['windows', v18, '18.1', { platform: 'Windows', how: 'as Navigator reads it' }],
    ['MacOS', v18, '18.1', { platform: 'macOS', how: 'case and spacing aside' }],
    ['Windwos', v18, '18.1', { platform: 'Windows', how: 'read as a misspelling of it' }],
    ['M365', v18, '18.1', undefined],
    // 8.2 still has the old names: they are its own.
    ['Office 365', v8, '8.2', { platform: 'Office 365' }],
    ['AWS', v8, '8.2', { platform: 'AWS' }],
    ['Identity Provider', v8, '8.2', undefined],
  ];
  for (const [name, platforms, release, expected] of rows) {
    it(`reads "${name}" in enterprise ${release} as ${expected ? `"${expected.platform}"` : 'none'}`, () => {
      expect(readPlatformName(name, platforms)).to.deep.equal(expected);
    });
  }
});
