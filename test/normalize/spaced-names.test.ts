import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { AttackIndex, indexBundle } from '../../lib/index.js';
import { resolveReference } from '../../lib/normalize/resolve-reference.js';
import { spacedName } from '../../lib/normalize/spaced-names.js';
import { fixtureFile, loadRelease } from '../helpers/attack.js';

describe('spacedName: a technique name written without its spaces', () => {
  // PDF-to-text of Genians' Konni reports of 2023 (their ATT&CK tables, as a public Japanese actor profile quotes them)
  // writes `CommandandScriptingInterpreter:PowerShell`, `Phishingfor Information:SpearphishingAttachment`.
  it('reads the compact form of a name of the release, any case, its own or its `Parent: Sub` name, as the release writes it', () => {
    const target = loadRelease('18.1');
    expect(spacedName('CommandandScriptingInterpreter:PowerShell', target)).to.equal('Command and Scripting Interpreter: PowerShell');
    expect(spacedName('Phishingfor Information:SpearphishingAttachment', target)).to.equal('Phishing for Information: Spearphishing Attachment');
    expect(spacedName('obfuscatedfilesorinformation', target)).to.equal('Obfuscated Files or Information');
    expect(spacedName('ScheduledTask', target)).to.equal('Scheduled Task');
  });

  it('reads nothing in a name as written, a colon without a space after it, or a name of no technique', () => {
    const target = loadRelease('18.1');
    for (const name of ['Command and Scripting Interpreter', 'PowerShell', 'User Execution:Malicious File', 'GroupDescriptions', 'Konni']) {
      expect(spacedName(name, target), name).to.equal(undefined);
    }
  });

  it('reads nothing in a name with a space the name has not, nor in an abbreviation of the normalizer\'s table', () => {
    const target = loadRelease('18.1');
    // A word PDF-to-text split (ESET's `Softwa re Discovery`: read by name-around, joined again), and `DLL sideloading`
    // (the table's abbreviation of T1574.001), though their compact forms are names' of the release (T1574.002's old one).
    expect(spacedName('Softwa re Discovery: Security Software Discovery', target)).to.equal(undefined);
    expect(spacedName('DLL sideloading', target)).to.equal(undefined);
    // A space lost beside one kept reads.
    expect(spacedName('Security SoftwareDiscovery', target)).to.equal('Security Software Discovery');
  });

  it('reads an older name so written from the releases given, only where a small letter runs into a capital', () => {
    const target = loadRelease('18.1');
    const older = () => [loadRelease('6.3')];
    expect(spacedName('CredentialDumping', target, older)).to.equal('Credential Dumping');
    expect(spacedName('credentialdumping', target, older)).to.equal(undefined);
    expect(spacedName('CredentialDumping', target)).to.equal(undefined);
  });

  // The hand-written release of the fixtures, two of its techniques named anew.
  const renamed = (names: Record<string, string>): AttackIndex => {
    const file = fixtureFile('enterprise-attack-0.1.json');
    const json = JSON.parse(readFileSync(file, 'utf8')) as { objects: Array<{ type: string; name?: string; external_references?: Array<{ external_id?: string }> }> };
    for (const object of json.objects) {
      const id = object.external_references?.[0]?.external_id;
      if (object.type === 'attack-pattern' && id && names[id]) object.name = names[id];
    }
    return new AttackIndex(indexBundle(json, { release: '0.1', source: { file, sha256: 'test' } }));
  };

  it('never reads a compact form that is an English word in common use', () => {
    expect(spacedName('ValidAccounts', renamed({}))).to.equal('Valid Accounts');
    const index = renamed({ T1078: 'Pass Word' });
    expect(spacedName('Password', index)).to.equal(undefined);
    expect(spacedName('PassWord', index)).to.equal(undefined);
  });

  it('never reads a compact form that two names of the release share', () => {
    expect(spacedName('WebShell', renamed({ T1078: 'Web Shell' }))).to.equal('Web Shell');
    expect(spacedName('WebShell', renamed({ T1078: 'Web Shell', T1064: 'Webs Hell' }))).to.equal(undefined);
  });

  it('is read by resolveReference beside an ID and alone, with a warning; a name of another technique still disagrees', () => {
    const context = { target: loadRelease('18.1') };
    const beside = resolveReference({ raw: 'CommandandScriptingInterpreter:PowerShell (T1059.001)' }, context);
    expect([beside.status, beside.ids, beside.note, beside.warnings]).to.deep.equal([
      'current',
      ['T1059.001'],
      'T1059.001 Command and Scripting Interpreter: PowerShell is current in ATT&CK 18.1',
      ['name "CommandandScriptingInterpreter:PowerShell" is written without its spaces; read as "Command and Scripting Interpreter: PowerShell"'],
    ]);
    const alone = resolveReference({ raw: 'ExploitationforPrivilegeEscalation' }, context);
    expect([alone.status, alone.ids, alone.warnings]).to.deep.equal([
      'name',
      ['T1068'],
      ['name "ExploitationforPrivilegeEscalation" is written without its spaces; read as "Exploitation for Privilege Escalation"'],
    ]);
    const other = resolveReference({ raw: 'SystemInformationDiscovery (T1083)' }, context);
    expect([other.status, other.ids]).to.deep.equal(['ambiguous', []]);
  });
});
