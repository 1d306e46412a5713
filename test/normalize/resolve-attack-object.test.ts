import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import {
  AttackDataError,
  AttackIndex,
  AttackLibrary,
  AttackObjectError,
  currentTechnique,
  indexBundle,
  locateAttackObject,
  objectTechniques,
  resolveAttackObject,
} from '../../lib/index.js';
import { fixtureFile, loadRelease, stixDir, testCacheDir } from '../helpers/attack.js';

function fixture(): AttackIndex {
  const file = fixtureFile('enterprise-attack-0.2.json');
  return new AttackIndex(indexBundle(JSON.parse(readFileSync(file, 'utf8')), { release: '0.2', source: { file, sha256: 'test' } }));
}

function thrown(fn: () => unknown): AttackObjectError {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(AttackObjectError);
    return error as AttackObjectError;
  }
  throw new Error('expected an AttackObjectError');
}

describe('resolveAttackObject', () => {
  describe('finds APT32 (G0050) in 18.1 by ID, name or alias, case and spacing aside', () => {
    for (const query of ['G0050', 'g0050', 'APT32', 'apt32', ' APT32 ', 'OceanLotus', 'oceanlotus', 'SeaLotus', 'APT-C-00', 'Canvas Cyclone']) {
      it(JSON.stringify(query), () => {
        expect(resolveAttackObject(loadRelease('18.1'), query).object.id).to.equal('G0050');
      });
    }
  });

  it('says when the query was an alias', () => {
    expect(resolveAttackObject(loadRelease('18.1'), 'OceanLotus').notes).to.deep.equal(['"OceanLotus" is an alias of G0050 APT32']);
    expect(resolveAttackObject(loadRelease('18.1'), 'APT32').notes).to.deep.equal([]);
  });

  it('follows a revoked group to its replacement and says so (G0057 APT34 -> G0049 OilRig)', () => {
    const found = resolveAttackObject(loadRelease('18.1'), 'APT34');
    expect(found.object.id).to.equal('G0049');
    expect(found.notes[0]).to.equal('G0057 APT34 was revoked by G0049 OilRig in ATT&CK 18.1; using G0049');
  });

  it("prefers an object's own name over another's alias, and says which others the name fits (Thrip)", () => {
    const found = resolveAttackObject(loadRelease('18.1'), 'Thrip');
    expect(found.object.id).to.equal('G0076');
    expect(found.notes.join()).to.include('G0030 Lotus Blossom (group)');
  });

  // mitreattack-python's MitreAttackData.get_techniques_used_by_group takes a group's STIX id, and STIX exports name
  // objects by it: APT32 is intrusion-set--247cb30b-955f-42eb-97a5-a89fef69341e in every enterprise release.
  it('finds an object by its STIX id, case aside, and says whose it is', () => {
    for (const query of ['intrusion-set--247cb30b-955f-42eb-97a5-a89fef69341e', 'INTRUSION-SET--247CB30B-955F-42EB-97A5-A89FEF69341E']) {
      const found = resolveAttackObject(loadRelease('18.1'), query);
      expect(found.object.id).to.equal('G0050');
      expect(found.notes).to.deep.equal([`"${query}" is the STIX id of G0050 APT32`]);
    }
  });

  it("follows a revoked object's STIX id to its replacement (APT34's intrusion-set--68ba94ab-… -> G0049 OilRig)", () => {
    const found = resolveAttackObject(loadRelease('18.1'), 'intrusion-set--68ba94ab-78b8-43e7-83e2-aed3466882c6');
    expect(found.object.id).to.equal('G0049');
    expect(found.notes[1]).to.equal('G0057 APT34 was revoked by G0049 OilRig in ATT&CK 18.1; using G0049');
  });

  // The did-you-mean of an unknown name offers `G0032 Lazarus Group`, and layers are named `APT28 (G0007)`: pasted
  // back, both were unknown names.
  describe('reads an ID written with its own name, as messages and layer names write them', () => {
    const rows: ReadonlyArray<readonly [query: string, id: string]> = [
      ['G0032 Lazarus Group', 'G0032'],
      ['APT28 (G0007)', 'G0007'],
      ['S0002: Mimikatz', 'S0002'],
      ['g0050 oceanlotus', 'G0050'],
      ['G0057 APT34', 'G0049'],
      ['Frankenstein (C0001)', 'C0001'],
    ];
    for (const [query, id] of rows) {
      it(`${JSON.stringify(query)} -> ${id}`, () => {
        expect(resolveAttackObject(loadRelease('18.1'), query).object.id).to.equal(id);
      });
    }
  });

  it('refuses an ID and a name of two objects, naming both', () => {
    expect(thrown(() => resolveAttackObject(loadRelease('18.1'), 'Mimikatz (S0154)')).message).to.equal(
      '"Mimikatz (S0154)": the ID is S0154 Cobalt Strike (software), the name S0002 Mimikatz (software), in ATT&CK enterprise-attack 18.1; give the ID or the name alone',
    );
  });

  // Analysts shorten the name beside an ID: public actor tables write `Sandworm (G0034)` and `Lazarus (G0032)` (found
  // with the search tool's find_string, which names no repository), where ATT&CK's names are Sandworm Team and Lazarus
  // Group. Both were refused as an ID and a name of two objects.
  describe('reads an ID written with a short form of its name or an alias by the ID, and says the name it has', () => {
    const rows: ReadonlyArray<readonly [query: string, id: string, note: string]> = [
      ['G0034 Sandworm', 'G0034', '"G0034 Sandworm" is read by its ID as G0034 Sandworm Team ("Sandworm" short for Sandworm Team)'],
      ['Sandworm (G0034)', 'G0034', '"Sandworm (G0034)" is read by its ID as G0034 Sandworm Team ("Sandworm" short for Sandworm Team)'],
      ['Lazarus (G0032)', 'G0032', '"Lazarus (G0032)" is read by its ID as G0032 Lazarus Group ("Lazarus" short for Lazarus Group)'],
      ['G0016 cozy', 'G0016', '"G0016 cozy" is read by its ID as G0016 APT29 ("cozy" short for Cozy Bear)'],
      ['C0024 SolarWinds', 'C0024', '"C0024 SolarWinds" is read by its ID as C0024 SolarWinds Compromise ("SolarWinds" short for SolarWinds Compromise)'],
    ];
    for (const [query, id, note] of rows) {
      it(`${JSON.stringify(query)} -> ${id}`, () => {
        const found = resolveAttackObject(loadRelease('18.1'), query);
        expect([found.object.id, found.notes]).to.deep.equal([id, [note]]);
      });
    }
    it('says nothing more of a name written whole, or spaced apart (APT28 (G0007), G0007 APT 28, S0154 CobaltStrike)', () => {
      for (const query of ['APT28 (G0007)', 'G0007 APT 28', 'S0154 CobaltStrike']) expect(resolveAttackObject(loadRelease('18.1'), query).notes).to.deep.equal([]);
    });
  });

  // `S0013 PlugX RAT` was refused as "the ID is S0013 PlugX (software), the name "PlugX RAT" none of its names", though
  // `PlugX RAT` alone is read as S0013 (e85d6a92); actor tables write a vendor's word after the name beside an ID as they
  // do alone (MISP's threat-actor galaxy, clusters/threat-actor.json, lists `Lazarus Group` and `Sandworm` as values).
  describe('reads an ID written with its name and a vendor suffix of its kind by the ID, and says what was left out', () => {
    const rows: ReadonlyArray<readonly [query: string, id: string, note: string]> = [
      ['S0013 PlugX RAT', 'S0013', '"S0013 PlugX RAT" is read by its ID as S0013 PlugX ("RAT" left out)'],
      ['PlugX RAT (S0013)', 'S0013', '"PlugX RAT (S0013)" is read by its ID as S0013 PlugX ("RAT" left out)'],
      ['G0010 Turla Group', 'G0010', '"G0010 Turla Group" is read by its ID as G0010 Turla ("Group" left out)'],
      ['S0002 mimikatz.exe', 'S0002', '"S0002 mimikatz.exe" is read by its ID as S0002 Mimikatz (".exe" left out)'],
      ['G0034 Sandworm Group', 'G0034', '"G0034 Sandworm Group" is read by its ID as G0034 Sandworm Team ("Group" left out, "Sandworm" short for Sandworm Team)'],
      ['S1063 Brute Ratel malware', 'S1063', '"S1063 Brute Ratel malware" is read by its ID as S1063 Brute Ratel C4 ("malware" left out, "Brute Ratel" short for Brute Ratel C4)'],
    ];
    for (const [query, id, note] of rows) {
      it(`${JSON.stringify(query)} -> ${id}`, () => {
        const found = resolveAttackObject(loadRelease('18.1'), query);
        expect([found.object.id, found.notes]).to.deep.equal([id, [note]]);
      });
    }
  });

  // ATT&CK names C0022 `Operation Dream Job` (aliases `Operation North Star`, `Operation Interception`), C0014 `Operation
  // Wocao`, C0012 `Operation CuckooBees`; reports and emulation plans write them without the word (ESET's and
  // ClearSky's "Dream Job" campaign). `Dream Job` exited 1 with "did you mean C0022 Operation Dream Job", `Cuckoo
  // Bees` with "check the spelling".
  describe('reads the name of an "Operation …" campaign written without the word, and says it was added', () => {
    const rows: ReadonlyArray<readonly [query: string, id: string, notes: string[]]> = [
      ['Dream Job', 'C0022', ['"Dream Job" is read as C0022 Operation Dream Job ("Operation" added, as ATT&CK names the campaign)']],
      ['dream job', 'C0022', ['"dream job" is read as C0022 Operation Dream Job ("Operation" added, as ATT&CK names the campaign)']],
      ['North Star', 'C0022', ['"North Star" is read as "Operation North Star" ("Operation" added, as ATT&CK names the campaign)', '"Operation North Star" is an alias of C0022 Operation Dream Job']],
      ['Wocao', 'C0014', ['"Wocao" is read as C0014 Operation Wocao ("Operation" added, as ATT&CK names the campaign)']],
      ['Cuckoo Bees', 'C0012', ['"Cuckoo Bees" is read as "Operation Cuckoo Bees" ("Operation" added, as ATT&CK names the campaign)', '"Operation Cuckoo Bees" is read as C0012 Operation CuckooBees (spacing aside)']],
    ];
    for (const [query, id, notes] of rows) {
      it(`${JSON.stringify(query)} -> ${id}`, () => {
        const found = resolveAttackObject(loadRelease('18.1'), query);
        expect([found.object.id, found.notes]).to.deep.equal([id, notes]);
      });
    }
    // `Ghost` is also the first word of G0035 Dragonfly's alias Ghost Blizzard, `Interception` a common word.
    it('still refuses a word other names hold or prose writes (Ghost, Interception), and a lookup of another kind', () => {
      for (const query of ['Ghost', 'Interception']) expect(() => resolveAttackObject(loadRelease('18.1'), query)).to.throw(AttackObjectError);
      expect(() => resolveAttackObject(loadRelease('18.1'), 'Dream Job', { kind: 'group' })).to.throw(AttackObjectError);
    });
    // `G16` offered G0016 APT29 among four others (G0106, G0116, …); `S154` S0154 among S1154, S0054, ….
    const padded: ReadonlyArray<readonly [query: string, id: string]> = [['G16', 'G0016'], ['g16', 'G0016'], ['S154', 'S0154'], ['G032', 'G0032']];
    for (const [query, id] of padded) {
      it(`reads ${query} as ${id}, saying so`, () => {
        const found = resolveAttackObject(loadRelease('18.1'), query);
        expect([found.object.id, found.notes[0]]).to.deep.equal([id, `"${query}" is read as ${found.object.id} ${found.object.name} (the ID's number written with four digits, as ATT&CK writes IDs)`]);
      });
    }
    it('does not read one digit as an ID (C2, command and control)', () => {
      expect(() => resolveAttackObject(loadRelease('18.1'), 'C2')).to.throw(AttackObjectError);
    });
    it('finds an unpadded ID of another domain (C54: mobile C0054)', () => {
      const found = locateAttackObject(new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() }), 'C54');
      expect([found.object.id, found.index.domain]).to.deep.equal(['C0054', 'mobile-attack']);
    });
    // `attack-object "Dream Job" --type group` said "check the spelling, or write its ATT&CK ID".
    const otherKind: ReadonlyArray<readonly [query: string, kind: 'group' | 'software', message: string]> = [
      ['Dream Job', 'group', 'no group "Dream Job" in ATT&CK enterprise-attack 18.1; it is the campaign C0022 Operation Dream Job ("Operation" added, as ATT&CK names the campaign): `locateAttackObject(…, \'C0022\')`'],
      ['North Star', 'software', 'no software "North Star" in ATT&CK enterprise-attack 18.1; it is the campaign C0022 Operation Dream Job (read as "Operation North Star", "Operation" added, as ATT&CK names the campaign): `locateAttackObject(…, \'C0022\')`'],
      ['Wocao', 'group', 'no group "Wocao" in ATT&CK enterprise-attack 18.1; it is the campaign C0014 Operation Wocao ("Operation" added, as ATT&CK names the campaign): `locateAttackObject(…, \'C0014\')`'],
    ];
    for (const [query, kind, message] of otherKind) {
      it(`says ${JSON.stringify(query)} asked for as ${kind} is the campaign, and how to ask for it`, () => {
        expect(thrown(() => resolveAttackObject(loadRelease('18.1'), query, { kind })).message).to.equal(message);
      });
    }
  });

  describe('refuses an ID with a suffixed name of another object, naming both', () => {
    const rows: ReadonlyArray<readonly [query: string, mismatch: string]> = [
      ['S0013 Emotet loader', 'the ID is S0013 PlugX (software), the name S0367 Emotet (software)'],
      ['S0002 PlugX RAT', 'the ID is S0002 Mimikatz (software), the name S0013 PlugX (software)'],
      ['G0032 Sandworm Group', 'the ID is G0032 Lazarus Group (group), the name "Sandworm" short for G0034 Sandworm Team (group)'],
      // "Group" follows a group: beside the software S0030 it names the group G0008 of the same name.
      ['S0030 Carbanak Group', 'the ID is S0030 Carbanak (software), the name G0008 Carbanak (group)'],
    ];
    for (const [query, mismatch] of rows) {
      it(query, () => {
        expect(thrown(() => resolveAttackObject(loadRelease('18.1'), query)).message).to.equal(
          `"${query}": ${mismatch}, in ATT&CK enterprise-attack 18.1; give the ID or the name alone`,
        );
      });
    }
  });

  it("refuses an ID with a short form of another object's name, naming both (G0034 Lazarus, G0016 Sandworm)", () => {
    expect(thrown(() => resolveAttackObject(loadRelease('18.1'), 'G0034 Lazarus')).message).to.equal(
      '"G0034 Lazarus": the ID is G0034 Sandworm Team (group), the name "Lazarus" short for G0032 Lazarus Group (group), in ATT&CK enterprise-attack 18.1; give the ID or the name alone',
    );
    expect(thrown(() => resolveAttackObject(loadRelease('18.1'), 'G0016 Sandworm')).candidates).to.deep.equal(['G0016 APT29 (group)', 'G0034 Sandworm Team (group)']);
    // A word that begins the names of many objects names none of them.
    expect(thrown(() => resolveAttackObject(loadRelease('18.1'), 'G0016 Operation')).message).to.include('the name "Operation" none of its names');
  });

  // One lookup of the objects a name is the first words of serves both an ID's name and a name alone; two letters beside
  // an ID are read (`S0066 4H`: S0065 4H RAT), alone they are in too many names by chance and read as none.
  it('reads a name of under three letters beside an ID, and none alone (S0066 4H, C0035 KV, 4H)', () => {
    expect(thrown(() => resolveAttackObject(loadRelease('18.1'), 'S0066 4H')).message).to.equal(
      '"S0066 4H": the ID is S0066 3PARA RAT (software), the name "4H" short for S0065 4H RAT (software), in ATT&CK enterprise-attack 18.1; give the ID or the name alone',
    );
    expect(resolveAttackObject(loadRelease('18.1'), 'C0035 KV').notes).to.deep.equal(['"C0035 KV" is read by its ID as C0035 KV Botnet Activity ("KV" short for KV Botnet Activity)']);
    expect(thrown(() => resolveAttackObject(loadRelease('18.1'), '4H')).message).to.match(/"4H" in ATT&CK enterprise-attack 18\.1; did you mean S0065 4H RAT/);
  });

  it("says what a technique's STIX id is, and that a STIX id no object has is not ATT&CK's", () => {
    expect(thrown(() => resolveAttackObject(loadRelease('18.1'), 'attack-pattern--7385dfaf-6886-4229-9ecd-6fd678040830')).message).to.include(
      'is the STIX id of the technique T1059 Command and Scripting Interpreter; name a group',
    );
    // A sub-technique's, with its parent's name as `technique` and normalize give it.
    expect(thrown(() => resolveAttackObject(loadRelease('18.1'), 'attack-pattern--2e34237d-8574-43f6-aace-ae2915de8597')).message).to.include(
      'is the STIX id of the technique T1566.001 Phishing: Spearphishing Attachment; name a group',
    );
    expect(thrown(() => resolveAttackObject(loadRelease('18.1'), 'intrusion-set--00000000-0000-4000-8000-000000000000')).message).to.include(
      'a STIX id that no object of ATT&CK enterprise-attack 18.1 has',
    );
    expect(thrown(() => resolveAttackObject(loadRelease('18.1'), 'intrusion-set--247cb30b-955f-42eb-97a5-a89fef69341e', { kind: 'software' })).message).to.include(
      'is the STIX id of G0050 APT32 (group), not a software',
    );
  });

  // ATT&CK 12 to 18 deprecated groups that were campaigns, and ICS software that enterprise holds, leaving each one's
  // techniques to a current object of its name; the deprecated one's layer is empty, so the note says where to look.
  describe('names the current objects that bear a deprecated one\'s name in 18.1', () => {
    const rows: ReadonlyArray<readonly [query: string, domain: 'enterprise-attack' | 'ics-attack', note: string]> = [
      ['G0014', 'enterprise-attack', 'G0014 Night Dragon is deprecated in ATT&CK 18.1; C0002 Night Dragon (campaign) bears its name: `locateAttackObject(…, \'C0002\')`'],
      ['G0104', 'enterprise-attack', 'G0104 Sharpshooter is deprecated in ATT&CK 18.1; C0013 Operation Sharpshooter (campaign) bears its name: `locateAttackObject(…, \'C0013\')`'],
      ['G0015', 'enterprise-attack', 'G0015 Taidoor is deprecated in ATT&CK 18.1; S0011 Taidoor (software) bears its name: `locateAttackObject(…, \'S0011\')`'],
      ['S1008', 'ics-attack', 'S1008 Stuxnet is deprecated in ATT&CK 18.1; S0603 Stuxnet (software) bears its name: `locateAttackObject(…, \'S0603\')`'],
    ];
    for (const [query, domain, note] of rows) {
      it(`${query} (${domain})`, () => {
        expect(resolveAttackObject(loadRelease('18.1', domain), query).notes).to.deep.equal([note]);
      });
    }
  });

  it('prefers a current object over a deprecated one of the same name (Night Dragon: campaign C0002, not group G0014)', () => {
    const found = resolveAttackObject(loadRelease('18.1'), 'Night Dragon');
    expect(found.object.id).to.equal('C0002');
    expect(found.notes.join()).to.include('G0014 Night Dragon (group, deprecated)');
  });

  it('refuses a name of both a group and a software, listing both, and --type decides (Carbanak)', () => {
    const error = thrown(() => resolveAttackObject(loadRelease('18.1'), 'Carbanak'));
    expect(error.candidates).to.deep.equal(['G0008 Carbanak (group)', 'S0030 Carbanak (software)']);
    expect(error.message).to.include("write the ATT&CK ID or pass kind: 'group', 'software' or 'campaign'");
    expect(resolveAttackObject(loadRelease('18.1'), 'Carbanak', { kind: 'software' }).object.id).to.equal('S0030');
    expect(resolveAttackObject(loadRelease('18.1'), 'Carbanak', { kind: 'group' }).object.id).to.equal('G0008');
  });

  it('says what a name is when it is not of the kind asked for', () => {
    const error = thrown(() => resolveAttackObject(loadRelease('18.1'), 'APT32', { kind: 'software' }));
    expect(error.message).to.equal('"APT32" is not a software in ATT&CK enterprise-attack 18.1: it names G0050 APT32 (group)');
  });

  // CYFIRMA titles a report "The Origins of APT 41 and ShadowPad Lineage"; ATT&CK writes APT41, and TG-3390 with its hyphen.
  describe('finds a name of letters then digits written with its letters and digits apart, hyphenated or together', () => {
    const rows: ReadonlyArray<readonly [query: string, id: string]> = [
      ['APT 41', 'G0096'],
      ['APT-29', 'G0016'],
      ['apt-28', 'G0007'],
      ['TA 505', 'G0092'],
      ['FIN-7', 'G0046'],
      ['TG 3390', 'G0027'],
      ['TG3390', 'G0027'],
    ];
    for (const [query, id] of rows) {
      it(`${JSON.stringify(query)} -> ${id}, saying how it was read`, () => {
        const found = resolveAttackObject(loadRelease('18.1'), query);
        expect(found.object.id).to.equal(id);
        expect(found.notes[0]).to.match(/ \(spacing aside\)$/);
      });
    }
  });

  it('suggests the closest names for an unknown one, with the alias that came closest (Ocean Lotos -> G0050 APT32, alias OceanLotus)', () => {
    const error = thrown(() => resolveAttackObject(loadRelease('18.1'), 'Ocean Lotos'));
    expect(error.candidates[0]).to.equal('G0050 APT32');
    expect(error.message).to.equal('no group, software or campaign "Ocean Lotos" in ATT&CK enterprise-attack 18.1; did you mean G0050 APT32 (alias OceanLotus)?');
  });

  // "Sandworm" offered "G0034 Sandworm Team, G0069 MuddyWater?": MuddyWater for its alias Seedworm, which it did not say
  // (`Sandworm` itself is now read as G0034, a short form).
  it('names the alias an object is offered for, and none for one offered by its name (Ratel -> S1063 Brute Ratel C4, S0275 UPPERCUT by ANEL)', () => {
    const error = thrown(() => resolveAttackObject(loadRelease('18.1'), 'Ratel'));
    expect(error.candidates).to.deep.equal(['S1063 Brute Ratel C4', 'S0275 UPPERCUT']);
    expect(error.message).to.equal('no group, software or campaign "Ratel" in ATT&CK enterprise-attack 18.1; did you mean S1063 Brute Ratel C4, S0275 UPPERCUT (alias ANEL)?');
  });

  it('suggests names containing a partial one (Ocean -> S0346 OceanSalt, APT32 by its alias OceanLotus)', () => {
    const error = thrown(() => resolveAttackObject(loadRelease('18.1'), 'Ocean'));
    expect(error.candidates).to.include.members(['S0346 OceanSalt', 'G0050 APT32']);
  });

  it('says how to write an ID when nothing is close', () => {
    const error = thrown(() => resolveAttackObject(loadRelease('18.1'), 'zzzzzzzz'));
    expect(error.candidates).to.deep.equal([]);
    expect(error.message).to.include('write its ATT&CK ID');
  });

  // S0405 is mobile's Exodus; enterprise's S0005, S0045, S0105, S0205 and S0400 were offered for it, a digit or two
  // away and no kin of it; S9999 is nobody's.
  it('says an ATT&CK ID no object has is unknown, offering none of the objects whose IDs are a digit away (S0405 in enterprise, S9999)', () => {
    for (const [query, what] of [['S0405', 'group, software or campaign'], ['s9999', 'software']] as const) {
      const error = thrown(() => resolveAttackObject(loadRelease('18.1'), query, what === 'software' ? { kind: 'software' } : {}));
      expect(error.candidates).to.deep.equal([]);
      expect(error.message).to.equal(`no ${what} has the ATT&CK ID ${query.toUpperCase()} in ATT&CK enterprise-attack 18.1; check the ID, or name the object by its name or an alias`);
    }
  });

  // Microsoft numbers clusters it has not named Storm-#### (DEV-#### before 2023; cybersecurity-help.cz/blog/3241.html,
  // wilsonsmedia.com/microsoft-has-a-new-way-of-naming-security-threats), Mandiant UNC####. `Storm-0558` was offered
  // "G1053 Storm-0501, G1031 Saint Bear (alias Storm-0587)", `UNC3890` "G1048 UNC3886": clusters a digit away, no kin.
  describe('offers none of a vendor\'s numbered series for a number ATT&CK does not hold, and says which it holds', () => {
    const rows: ReadonlyArray<readonly [query: string, series: string]> = [
      [
        'Storm-0558',
        'ATT&CK numbers 5 other names after "Storm" (G1053 Storm-0501, G1031 Saint Bear (alias Storm-0587), G1015 Scattered Spider (alias Storm-0875), G1036 Moonstone Sleet (alias Storm-1789), G1046 Storm-1811), none 0558',
      ],
      ['UNC 3890', 'ATT&CK numbers 14 other names after "UNC" (G0117 Fox Kitten (alias UNC757), G1020 Mustard Tempest (alias UNC1543), G1049 AppleJeus (alias UNC1720), G0102 Wizard Spider (alias UNC1878), G0119 Indrik Spider (alias UNC2165), G0016 APT29 (alias UNC2452), G1003 Ember Bear (alias UNC2589), G1023 APT5 (alias UNC2630) and 6 more), none 3890'],
    ];
    for (const [query, series] of rows) {
      it(query, () => {
        const error = thrown(() => resolveAttackObject(loadRelease('18.1'), query));
        expect([error.message, error.candidates]).to.deep.equal([
          `no group, software or campaign "${query}" in ATT&CK enterprise-attack 18.1; ${series}: each is another cluster, however close its number; check the number, or name the object by another of its names`,
          [],
        ]);
      });
    }
    it('still reads a number ATT&CK holds, spaced otherwise (UNC 2452, DEV-0586)', () => {
      expect(['UNC 2452', 'DEV-0586'].map((query) => resolveAttackObject(loadRelease('18.1'), query).object.id)).to.deep.equal(['G0016', 'G1003']);
    });
  });

  // Microsoft names a nation-state group by a weather word of its country (Sleet: North Korea; Tempest: financially
  // motivated; cybersecurity-help.cz/blog/3241.html), CrowdStrike by an animal (Bear: Russia; Kitten: Iran). `Jade
  // Sleet` (not in ATT&CK 18.1) said "check the spelling"; `Lace Tempest` offered G1015 Scattered Spider for its alias
  // Octo Tempest, `Refined Kitten` G0087 APT39 for Remix Kitten: other groups of the family, not the one asked for.
  describe('names the groups of a vendor\'s family for a name of it ATT&CK does not hold, and offers none as meant', () => {
    const rows: ReadonlyArray<readonly [query: string, family: string, count: number]> = [
      ['Jade Sleet', 'ATT&CK names 6 groups "… Sleet" (G0032 Lazarus Group (alias Diamond Sleet), G0082 APT38 (alias Sapphire Sleet), G0094 Kimsuky (alias Emerald Sleet), G0138 Andariel (alias Onyx Sleet), G1036 Moonstone Sleet, G1049 AppleJeus (alias Citrine Sleet))', 6],
      ['Iron Taurus', 'ATT&CK names 2 groups "… Taurus" (G0129 Mustang Panda (alias STATELY TAURUS), G1017 Volt Typhoon (alias Insidious Taurus))', 2],
      ['Lace Tempest', 'ATT&CK names 9 groups "… Tempest" (G0037 FIN6 (alias Camouflage Tempest), G0046 FIN7 (alias Sangria Tempest), G0092 TA505 (alias Spandex Tempest), G0102 Wizard Spider (alias Periwinkle Tempest), G0119 Indrik Spider (alias Manatee Tempest), G1004 LAPSUS$ (alias Strawberry Tempest), G1015 Scattered Spider (alias Octo Tempest), G1020 Mustard Tempest and 1 more)', 9],
    ];
    for (const [query, family, count] of rows) {
      it(query, () => {
        const word = query.split(' ')[1];
        const error = thrown(() => resolveAttackObject(loadRelease('18.1'), query));
        expect(error.message).to.equal(
          `no group, software or campaign "${query}" in ATT&CK enterprise-attack 18.1; ${family}, not "${query}": "${word}" is a vendor's family of groups, not one group; name it by another of its names, or its ATT&CK ID`,
        );
        expect(error.candidates).to.have.length(count);
      });
    }
    it('still offers the one a misspelling of the family is meant for (Fansy Bear, Scatered Spider)', () => {
      expect(thrown(() => resolveAttackObject(loadRelease('18.1'), 'Fansy Bear')).message).to.match(/did you mean G0007 APT28 \(alias Fancy Bear\)\?$/);
      expect(thrown(() => resolveAttackObject(loadRelease('18.1'), 'Scatered Spider')).candidates).to.deep.equal(['G1015 Scattered Spider']);
    });
  });

  it('finds software and campaigns by ID (S0227, C0021)', () => {
    expect(resolveAttackObject(loadRelease('18.1'), 'S0227').object).to.include({ id: 'S0227', name: 'spwebmember', type: 'tool' });
    expect(resolveAttackObject(loadRelease('18.1'), 'c0021').object).to.include({ id: 'C0021', type: 'campaign' });
  });
});

// Names analysts write for ATT&CK objects in enterprise 18.1: short forms, vendor suffixes, misspellings. `Brute Ratel`
// (S1063 Brute Ratel C4) offered "S0110 at" first, the two letters of `ratel`; `PlugX RAT` was refused, offering PlugX.
describe('resolveAttackObject: the names analysts write (enterprise 18.1)', () => {
  describe('reads a name with a vendor suffix, or spaced or cased otherwise, as the object meant', () => {
    const rows: ReadonlyArray<readonly [query: string, id: string, note?: string]> = [
      ['APT 28', 'G0007', '"APT 28" is read as G0007 APT28 (spacing aside)'],
      ['APT28', 'G0007'],
      ['APT-29', 'G0016', '"APT-29" is read as G0016 APT29 (spacing aside)'],
      ['Fancy Bear', 'G0007', '"Fancy Bear" is an alias of G0007 APT28'],
      ['ALPHV', 'S1068', '"ALPHV" is an alias of S1068 BlackCat'],
      ['Volt Typhoon', 'G1017'],
      ['Scattered Spider', 'G1015'],
      ['LockBit 3.0', 'S1202'],
      ['Qakbot', 'S0650'],
      ['QakBot', 'S0650'],
      ['QBot', 'S0650', '"QBot" is an alias of S0650 QakBot'],
      ['Mimikatz.exe', 'S0002', '"Mimikatz.exe" is read as S0002 Mimikatz (".exe" left out)'],
      ['PlugX RAT', 'S0013', '"PlugX RAT" is read as S0013 PlugX ("RAT" left out)'],
      ['Turla Group', 'G0010', '"Turla Group" is read as G0010 Turla ("Group" left out)'],
      // MISP's threat-actor galaxy (clusters/threat-actor.json) gives Turla the synonyms `Turla Team` and `Turla`.
      ['Turla Team', 'G0010', '"Turla Team" is read as G0010 Turla ("Team" left out)'],
      // "the Kimsuky APT", "the Lazarus APT": reports put "APT" after a group's name as "group"; both were "check the spelling".
      ['Kimsuky APT', 'G0094', '"Kimsuky APT" is read as G0094 Kimsuky ("APT" left out)'],
      ['Lazarus APT', 'G0032', '"Lazarus APT" is read as G0032 Lazarus Group ("APT" left out, short for Lazarus Group; no other name holds it)'],
      ['BlackCat ransomware', 'S1068', '"BlackCat ransomware" is read as S1068 BlackCat ("ransomware" left out)'],
      ['Emotet loader', 'S0367', '"Emotet loader" is read as S0367 Emotet ("loader" left out)'],
      // "Group" follows a group: the group G0008, not the software S0030 of the same name.
      ['Carbanak Group', 'G0008', '"Carbanak Group" is read as G0008 Carbanak ("Group" left out)'],
    ];
    for (const [query, id, note] of rows) {
      it(`${query} -> ${id}`, () => {
        const found = resolveAttackObject(loadRelease('18.1'), query);
        expect(found.object.id).to.equal(id);
        expect(found.notes[0]).to.equal(note);
      });
    }
  });

  // `CL0P` ("CL0P Ransomware Gang", Rewards for Justice via datarecovery.com/rd/state-department-offers-reward-for-cl0p-
  // ransomware-gang), `Cl0p` and `CI0p` (cybernews.com/news/cl0p-moveit-ransom-attack-victims-names) were offered S0611
  // Clop by did-you-mean; `L0ckBit 3.0` was refused.
  it('reads a digit written for the letter it looks like (CL0P, CI0p: S0611 Clop; L0ckBit 3.0: S1202)', () => {
    expect(['CL0P', 'CI0p', 'L0ckBit 3.0'].map((query) => resolveAttackObject(loadRelease('18.1'), query).notes[0])).to.deep.equal([
      '"CL0P" is read as S0611 Clop (a digit read as the letter it looks like)',
      '"CI0p" is read as S0611 Clop (a digit read as the letter it looks like)',
      '"L0ckBit 3.0" is read as S1202 LockBit 3.0 (a digit read as the letter it looks like)',
    ]);
  });

  // ATT&CK 18.1 gives the software S0046 CozyCar the alias `CozyBear` and APT29 the alias `Cozy Bear`: `CozyBear` was
  // CozyCar with no word of APT29, and `CozyBear --type group` was refused ("it names S0046 CozyCar (software)").
  it('reads a name as ATT&CK writes it, naming the object it is spaced otherwise, and that object for its kind (CozyBear)', () => {
    const found = resolveAttackObject(loadRelease('18.1'), 'CozyBear');
    expect([found.object.id, ...found.notes]).to.deep.equal([
      'S0046',
      '"CozyBear" is an alias of S0046 CozyCar',
      '"CozyBear" spaced otherwise, "Cozy Bear", is an alias of G0016 APT29 (group): `locateAttackObject(…, \'G0016\')` for it',
    ]);
    const group = resolveAttackObject(loadRelease('18.1'), 'CozyBear', { kind: 'group' });
    expect([group.object.id, ...group.notes]).to.deep.equal(['G0016', '"CozyBear" is read as G0016 APT29 (spacing aside)', '"CozyBear" is an alias of G0016 APT29']);
    expect(resolveAttackObject(loadRelease('18.1'), 'Cozy Bear', { kind: 'software' }).object.id).to.equal('S0046');
  });

  describe('offers first the object meant for a short form or misspelling, and a short name only as a whole word', () => {
    const rows: ReadonlyArray<readonly [query: string, offered: string]> = [
      ['Cobalt Strike Beacon', 'S0154 Cobalt Strike'],
      ['Scatered Spider', 'G1015 Scattered Spider'],
      ['Volt Typhon', 'G1017 Volt Typhoon, G1045 Salt Typhoon, G0128 ZIRCONIUM (alias Violet Typhoon)'],
      ['Quakbot', 'S0650 QakBot'],
      ['Fancy Bears', 'G0007 APT28 (alias Fancy Bear)'],
      // A misspelt short form: Sandworms offered Seedworm (MuddyWater) alone, Lazarous and Gamaredn nothing.
      ['Sandworms', 'G0034 Sandworm Team, G0069 MuddyWater (alias Seedworm)'],
      ['Lazarous', 'G0032 Lazarus Group'],
      ['Gamaredn', 'G0047 Gamaredon Group'],
    ];
    for (const [query, offered] of rows) {
      it(`${query}: did you mean ${offered}?`, () => {
        const error = thrown(() => resolveAttackObject(loadRelease('18.1'), query));
        expect(error.message).to.equal(`no group, software or campaign "${query}" in ATT&CK enterprise-attack 18.1; did you mean ${offered}?`);
      });
    }
  });

  // Reports and actor tables name an actor by its name's first words: "the group known as Sandworm" (Reuters via
  // cybersecurity-review.com, 2022-04; Wired via extension13.com, 2023-11-09), "the hacker group known as Lazarus"
  // (novinite.com, 2022-04-21); ThaiCERT's Threat Group Cards (openhunting-io/openhunting-io,
  // threat/sandworm_team_iron_viking_voodoo_bear.js) list `Sandworm` as ESET's name; MISP's threat-actor galaxy
  // (MISP/misp-galaxy, clusters/threat-actor.json) writes `Turla Group` with the synonym `Turla`. Each was refused with
  // the object meant first in did-you-mean. Of the 59 current enterprise 18.1 groups of several words, 35 have a first
  // word no other object's name or alias holds, 22 one that others hold (Winnti, Cobalt, Storm, Gold, Earth, APT).
  describe('reads the first words of one object\'s name or alias, which no other name holds, as that object', () => {
    const rows: ReadonlyArray<readonly [query: string, id: string, note: string]> = [
      ['Lazarus', 'G0032', '"Lazarus" is read as G0032 Lazarus Group (short for Lazarus Group; no other name holds it)'],
      ['Sandworm', 'G0034', '"Sandworm" is read as G0034 Sandworm Team (short for Sandworm Team; no other name holds it)'],
      ['gamaredon', 'G0047', '"gamaredon" is read as G0047 Gamaredon Group (short for Gamaredon Group; no other name holds it)'],
      ['Brute Ratel', 'S1063', '"Brute Ratel" is read as S1063 Brute Ratel C4 (short for Brute Ratel C4; no other name holds it)'],
      ['Lockbit 3', 'S1202', '"Lockbit 3" is read as S1202 LockBit 3.0 (short for LockBit 3.0; no other name holds it)'],
      // Mandiant writes TEMP.Veles with its dot, reports also `TEMP Veles`; the note said "(; no other name holds it)".
      ['Temp Veles', 'G0088', '"Temp Veles" is read as G0088 TEMP.Veles (punctuation and spacing aside; no other name holds it)'],
      ['APTC36', 'G0099', '"APTC36" is read as G0099 APT-C-36 (punctuation and spacing aside; no other name holds it)'],
    ];
    for (const [query, id, note] of rows) {
      it(`${query} -> ${id}`, () => {
        const found = resolveAttackObject(loadRelease('18.1'), query);
        expect([found.object.id, found.notes]).to.deep.equal([id, [note]]);
      });
    }
    // `Dukes` (actor tables write "The Dukes" and "Dukes" for APT29, whose ATT&CK alias is The Dukes) offered
    // did-you-mean; `The Lazarus Group` ("the Lazarus Group" in prose) was refused; G0089's name is The White Company.
    it('reads a name or alias with a leading "The" written without it, and one written with it (Dukes, The Lazarus Group)', () => {
      const read = (query: string) => {
        const found = resolveAttackObject(loadRelease('18.1'), query);
        return [found.object.id, ...found.notes];
      };
      expect(read('Dukes')).to.deep.equal(['G0016', '"Dukes" is read as G0016 APT29 (its alias The Dukes, "The" aside; no other name holds it)']);
      expect(read('The Lazarus Group')).to.deep.equal(['G0032', '"The Lazarus Group" is read as G0032 Lazarus Group (Lazarus Group, "The" aside; no other name holds it)']);
      expect(read('the Lazarus')).to.deep.equal(['G0032', '"the Lazarus" is read as G0032 Lazarus Group (short for Lazarus Group; no other name holds it)']);
      expect(read('White Company')).to.deep.equal(['G0089', '"White Company" is read as G0089 The White Company (The White Company, "The" aside; no other name holds it)']);
      // "The" before one word prose writes for other things does not make it a name.
      expect(thrown(() => resolveAttackObject(loadRelease('18.1'), 'The Sea')).message).to.match(/"The Sea" is a common English word/);
    });
    it('reads one after a vendor suffix (Sandworm Group), and one of the kind asked for (Winnti as a group)', () => {
      expect(resolveAttackObject(loadRelease('18.1'), 'Sandworm Group').notes).to.deep.equal([
        '"Sandworm Group" is read as G0034 Sandworm Team ("Group" left out, short for Sandworm Team; no other name holds it)',
      ]);
      expect(resolveAttackObject(loadRelease('18.1'), 'Winnti', { kind: 'group' }).object.id).to.equal('G0044');
      expect(resolveAttackObject(loadRelease('18.1'), 'Winnti Group').object.id).to.equal('G0044');
    });
    // `attack-object Lazarus --type software` said "check the spelling": the words are a group's in ATT&CK.
    it('says what a short form of another kind than the one asked for is (Lazarus, Sandworm Group as software)', () => {
      expect(thrown(() => resolveAttackObject(loadRelease('18.1'), 'Lazarus', { kind: 'software' })).message).to.equal(
        'no software "Lazarus" in ATT&CK enterprise-attack 18.1; it is the group G0032 Lazarus Group (short for Lazarus Group): `locateAttackObject(…, \'G0032\')`',
      );
      expect(thrown(() => resolveAttackObject(loadRelease('18.1'), 'Sandworm Group', { kind: 'software' })).message).to.equal(
        'no software "Sandworm Group" in ATT&CK enterprise-attack 18.1; it is the group G0034 Sandworm Team ("Group" left out, short for Sandworm Team): `locateAttackObject(…, \'G0034\')`',
      );
    });
    // `Pass-The-Hash` was read as S0122 Pass-The-Hash Toolkit alone, though T1550.002's name is Pass the Hash; of the
    // current objects of enterprise 18.1, S0122's name and S0110 at are the two a technique's name begins or is.
    it('names the technique a name read as software is also the name of (Pass-The-Hash, at)', () => {
      const pth = resolveAttackObject(loadRelease('18.1'), 'Pass-The-Hash');
      expect([pth.object.id, pth.notes[1]]).to.deep.equal([
        'S0122',
        '"Pass-The-Hash" is also the name of the technique T1550.002 Use Alternate Authentication Material: Pass the Hash: `AttackIndex.technique(\'T1550.002\')` for it',
      ]);
      expect(resolveAttackObject(loadRelease('18.1'), 'at').notes).to.deep.equal([
        '"at" is also the name of the technique T1053.002 Scheduled Task/Job: At: `AttackIndex.technique(\'T1053.002\')` for it',
      ]);
      expect(resolveAttackObject(loadRelease('18.1'), 'Pass-The-Hash Toolkit').notes).to.deep.equal([]);
    });
    // `Indian` was read as C0043 Indian Critical Infrastructure Intrusions, `SolarWinds` and `Salesforce` as the campaigns
    // named after the company: of the 68 one-word first words one current object of enterprise 18.1 alone begins with,
    // read before, 9 are campaigns', each the company, product, people or tool the campaign is named after (SolarWinds,
    // Versa, 3CX, Salesforce, Indian, FrostyGoop, Quad7, SPACEHOP, FLORAHOX); the 59 groups' and software's are kept.
    it('reads no one word a campaign is named after as the campaign (SolarWinds, Salesforce), a longer short form still', () => {
      for (const [query, campaign] of [['SolarWinds', 'C0024 SolarWinds Compromise'], ['Salesforce', 'C0059 Salesforce Data Exfiltration']]) {
        expect(thrown(() => resolveAttackObject(loadRelease('18.1'), query!)).message).to.equal(
          `no group, software or campaign "${query}" in ATT&CK enterprise-attack 18.1; "${query}" is the word a campaign is named after, read as no name's short form alone: ${campaign} begins with it; write the name whole, or the ATT&CK ID`,
        );
      }
      expect(resolveAttackObject(loadRelease('18.1'), 'Versa Director').object.id).to.equal('C0039');
      expect(resolveAttackObject(loadRelease('18.1'), 'Tonto').object.id).to.equal('G0131');
      expect(resolveAttackObject(loadRelease('18.1'), 'Magecart').object.id).to.equal('G0037');
    });
    it('reads none when asked for names as written', () => {
      expect(thrown(() => resolveAttackObject(loadRelease('18.1'), 'Lazarus', { shortForms: false })).message).to.equal(
        'no group, software or campaign "Lazarus" in ATT&CK enterprise-attack 18.1; did you mean G0032 Lazarus Group?',
      );
    });
  });

  describe('refuses the first words of several objects\' names, naming each', () => {
    const rows: ReadonlyArray<readonly [query: string, names: string]> = [
      ['Winnti', '3: G0044 Winnti Group, S0141 Winnti for Windows, S0430 Winnti for Linux'],
      ['Cobalt', '5: G0080 Cobalt Group, S0154 Cobalt Strike, G0049 OilRig (alias COBALT GYPSY), G0059 Magic Hound (alias COBALT ILLUSION), G0122 Silent Librarian (alias COBALT DICKENS)'],
      // Magic Hound's name begins with it; J-magic's holds it.
      ['Magic', '3: G0059 Magic Hound, C0050 J-magic Campaign, S1203 J-magic'],
      ['Saint', '2: G1031 Saint Bear, S1018 Saint Bot'],
      // Without its suffix, as `PlugX RAT` is read: it offered "S1180 BlackByte Ransomware, S1139 INC Ransomware".
      ['LockBit ransomware', '2: S1199 LockBit 2.0, S1202 LockBit 3.0'],
    ];
    for (const [query, names] of rows) {
      it(query, () => {
        const words = query === 'LockBit ransomware' ? '"LockBit" ("ransomware" left out) is' : 'its words are';
        expect(thrown(() => resolveAttackObject(loadRelease('18.1'), query)).message).to.equal(
          `no group, software or campaign "${query}" in ATT&CK enterprise-attack 18.1; ${words} in the names of ${names}; write the name whole, or the ATT&CK ID`,
        );
      });
    }
    it('names eight and counts the others (Operation)', () => {
      const error = thrown(() => resolveAttackObject(loadRelease('18.1'), 'Operation'));
      expect(error.candidates).to.have.length(13);
      expect(error.message).to.match(/its words are in the names of 13: C0005 Operation Spalax, .* and 5 more; write the name whole, or the ATT&CK ID$/);
    });
  });

  // `Sea` was read as G1041 Sea Turtle, `Midnight` as APT29 (its alias Midnight Blizzard), `Diamond` as G0032 Lazarus
  // Group (its alias Diamond Sleet), `China` as S0020 China Chopper, `PowerShell` as S0363 Empire (its alias PowerShell
  // Empire) and `2015` as C0028 2015 Ukraine Electric Power Attack: one word that prose writes for other things is no
  // actor's name alone. Of the 223 first words of enterprise 18.1's names and aliases of several words that one object
  // alone begins with, 156 are such words (`proseWord`), read no more; 67 still are: Lazarus, Sandworm, Gamaredon,
  // Indrik, Tonto, Magecart, Gorgon, Callisto.
  describe('reads no name from one word that prose writes for other things, naming the object it begins', () => {
    const rows: ReadonlyArray<readonly [query: string, refusal: string]> = [
      ['Sea', '"Sea" is a common English word, read as no name\'s short form alone: G1041 Sea Turtle begins with it'],
      ['Midnight', '"Midnight" is a common English word, read as no name\'s short form alone: G0016 APT29 (alias Midnight Blizzard) begins with it'],
      ['Fancy', '"Fancy" is a common English word, read as no name\'s short form alone: G0007 APT28 (alias Fancy Bear) begins with it'],
      ['Diamond', '"Diamond" is a common English word, read as no name\'s short form alone: G0032 Lazarus Group (alias Diamond Sleet) begins with it'],
      ['2015', '"2015" is a number, read as no name\'s short form alone: C0028 2015 Ukraine Electric Power Attack begins with it'],
      ['PowerShell', '"PowerShell" is a word of the technique T1059.001 Command and Scripting Interpreter: PowerShell, read as no name\'s short form alone: S0363 Empire (alias PowerShell Empire) begins with it'],
      // A place or a people is what reports write these words for ("Beijing-backed", "the Lebanese government", "Gaza"),
      // not the group whose alias they begin: of the 291 first words of enterprise 18.1's names of several words, these
      // three were read as an object, and `Indian` was refused as a campaign's word.
      ['Beijing', '"Beijing" is the name of the capital of China, read as no name\'s short form alone: G0066 Elderwood (alias Beijing Group) begins with it'],
      ['Gaza', '"Gaza" is a city\'s name, read as no name\'s short form alone: G0021 Molerats (alias Gaza Cybergang) begins with it'],
      ['Lebanese', '"Lebanese" is the word for a people or nationality of Lebanon, read as no name\'s short form alone: G0123 Volatile Cedar (alias Lebanese Cedar) begins with it'],
      ['Indian', '"Indian" is the word for a people or nationality of India, read as no name\'s short form alone: C0043 Indian Critical Infrastructure Intrusions begins with it'],
    ];
    for (const [query, refusal] of rows) {
      it(`${query}: ${refusal.split(':')[0]}`, () => {
        const error = thrown(() => resolveAttackObject(loadRelease('18.1'), query));
        expect(error.message).to.equal(`no group, software or campaign "${query}" in ATT&CK enterprise-attack 18.1; ${refusal}; write the name whole, or the ATT&CK ID`);
        expect(error.candidates).to.have.length(1);
      });
    }
    it('still reads a word of names only (Indrik, Tonto), and the words whole or with the words after (Sea Turtle, Fancy Bear, Gaza Cybergang)', () => {
      const queries = ['Indrik', 'Tonto', 'Sea Turtle', 'Fancy Bear', 'Gaza Cybergang', 'Beijing Group', 'Lebanese Cedar'];
      expect(queries.map((query) => resolveAttackObject(loadRelease('18.1'), query).object.id)).to.deep.equal(['G0119', 'G0131', 'G1041', 'G0007', 'G0021', 'G0066', 'G0123']);
    });
  });

  // Reports and vendors' tables name an actor with another of its names beside it: "APT28 (Fancy Bear)", "Turla (aka
  // Snake)", "Sandworm / APT44" (Microsoft's and Unit 42's naming posts list each group's other vendors' names:
  // cybersecurity-help.cz/blog/3241.html, "Phosphorus (aka APT35 or Charming Kitten)"; f5.pm/go-118267.html). Each was
  // refused with a did-you-mean. Unit 42's constellation names (Muddled Libra) are no alias in ATT&CK 18.1.
  describe('reads a name written with another of its names beside it, when both name one object or one names none', () => {
    const rows: ReadonlyArray<readonly [query: string, id: string, note: string]> = [
      ['APT28 (Fancy Bear)', 'G0007', '"APT28 (Fancy Bear)" is read as G0007 APT28 ("APT28" and "Fancy Bear" both name it)'],
      ['Turla (aka Snake)', 'G0010', '"Turla (aka Snake)" is read as G0010 Turla ("Turla" and "Snake" both name it)'],
      ['Sandworm / APT44', 'G0034', '"Sandworm / APT44" is read as G0034 Sandworm Team ("Sandworm" and "APT44" both name it)'],
      ['APT29 a.k.a. Cozy Bear', 'G0016', '"APT29 a.k.a. Cozy Bear" is read as G0016 APT29 ("APT29" and "Cozy Bear" both name it)'],
      [
        'Scattered Spider (Muddled Libra)',
        'G1015',
        '"Scattered Spider (Muddled Libra)" is read as G1015 Scattered Spider (by "Scattered Spider"; "Muddled Libra" names no group, software or campaign in ATT&CK enterprise-attack 18.1)',
      ],
    ];
    for (const [query, id, note] of rows) {
      it(`${query} -> ${id}`, () => {
        const found = resolveAttackObject(loadRelease('18.1'), query);
        expect([found.object.id, found.notes]).to.deep.equal([id, [note]]);
      });
    }
    it('refuses two names of two objects, naming both (APT28 (APT29), Cozy Bear (CozyCar)); reads one name with a slash whole (Win32/Industroyer)', () => {
      expect(thrown(() => resolveAttackObject(loadRelease('18.1'), 'APT28 (APT29)')).message).to.equal(
        '"APT28 (APT29)": "APT28" is G0007 APT28 (group), "APT29" G0016 APT29 (group), in ATT&CK enterprise-attack 18.1; give one name, or the ATT&CK ID',
      );
      expect(thrown(() => resolveAttackObject(loadRelease('18.1'), 'Cozy Bear (CozyCar)')).candidates).to.deep.equal(['G0016 APT29 (group)', 'S0046 CozyCar (software)']);
      expect(resolveAttackObject(loadRelease('18.1'), 'Win32/Industroyer').object.id).to.equal('S0604');
      // `Winnti` begins three names, none of them APT41: no one object is named.
      expect(thrown(() => resolveAttackObject(loadRelease('18.1'), 'Winnti (APT41)')).message).to.match(/did you mean G0096 APT41\?$/);
    });
  });

  it('reads a vendor suffix only for the kind it follows (PlugX RAT is no group)', () => {
    const error = thrown(() => resolveAttackObject(loadRelease('18.1'), 'PlugX RAT', { kind: 'group' }));
    expect(error.message).to.match(/^no group "PlugX RAT" in ATT&CK enterprise-attack 18\.1/);
  });

  // A deprecated object of another kind was named with no word of where ATT&CK moved it.
  it('says where a deprecated object of another kind went (G0014 as software: C0002 Night Dragon)', () => {
    const error = thrown(() => resolveAttackObject(loadRelease('18.1'), 'G0014', { kind: 'software' }));
    expect(error.message).to.equal(
      '"G0014" is not a software in ATT&CK enterprise-attack 18.1: it names G0014 Night Dragon (group, deprecated); ' +
        "C0002 Night Dragon (campaign) bears its name: `locateAttackObject(…, 'C0002')`",
    );
  });
});

describe('locateAttackObject', () => {
  const library = () => new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() });

  it('finds an object only mobile knows there when no domain is given, and says so (S0405 Exodus)', () => {
    const found = locateAttackObject(library(), 'S0405');
    expect([found.index.domain, found.object.name]).to.deep.equal(['mobile-attack', 'Exodus']);
    expect(found.notes[0]).to.equal('"S0405" is not in enterprise-attack 18.1; found in mobile-attack 18.1');
  });

  it("finds a mobile object's STIX id in mobile when no domain is given (CarbonSteal, malware--007ebf84-…)", () => {
    const found = locateAttackObject(library(), 'malware--007ebf84-4e14-44c7-a5aa-151d5de85320');
    expect([found.index.domain, found.object.id]).to.deep.equal(['mobile-attack', 'S0529']);
  });

  it("names another domain's namesake of a deprecated object its own release has none of (S0609 TRITON -> ICS S1009 Triton)", () => {
    const found = locateAttackObject(library(), 'S0609');
    expect(found.notes).to.deep.equal([
      'S0609 TRITON is deprecated in ATT&CK 18.1',
      "S0609 TRITON: S1009 Triton (software) of ics-attack bears its name: `locateAttackObject(…, 'S1009', { domain: 'ics-attack' })`",
    ]);
  });

  // Campaigns came with ATT&CK 12 (enterprise 10.1 has none), and groups keep being added (G1050 is newer than 12.1).
  it('says when an object unknown in the release asked for is in the newest one (C0001 in 10.1, G1050 in 12.1)', () => {
    expect(() => locateAttackObject(library(), 'C0001', { release: '10.1' })).to.throw(
      AttackObjectError,
      `"C0001" is not in ATT&CK enterprise-attack 10.1; it is C0001 Frankenstein (campaign) in enterprise-attack 18.1 (leave out release: '10.1' to use that release)`,
    );
    expect(() => locateAttackObject(library(), 'G1050', { domain: 'enterprise-attack', release: '12' })).to.throw(
      AttackObjectError,
      /^"G1050" is not in ATT&CK enterprise-attack 12\.1; it is G1050 .* \(group\) in enterprise-attack 18\.1/,
    );
    expect(() => locateAttackObject(library(), 'Ocean Lotos', { release: '12.1' })).to.throw(AttackObjectError, 'did you mean G0050 APT32');
  });

  // Mobile 9.0 is in ATTACK_STIX_DIR (stix21/), enterprise 9.0 is not: `attack-object S0405 --attack-release 9.0` said
  // enterprise 9.0 was not available.
  it('looks in the other domains for a release enterprise lacks (S0405 Exodus in mobile 9.0)', () => {
    const found = locateAttackObject(library(), 'S0405', { release: '9.0' });
    expect([found.index.label, found.object.name]).to.deep.equal(['mobile-attack 9.0', 'Exodus']);
    expect(found.notes[0]).to.equal('there is no enterprise-attack 9.0 here; found in mobile-attack 9.0');
    expect(() => locateAttackObject(library(), 'G0050', { release: '9.0' })).to.throw(AttackDataError, 'ATT&CK enterprise-attack 9.0 is not available');
  });

  it('finds a mobile object written with its name in mobile (S0405 Exodus)', () => {
    expect(locateAttackObject(library(), 'S0405 Exodus').index.domain).to.equal('mobile-attack');
  });

  // ICS 18.1 has the software S1165 FrostyGoop; enterprise only the campaign C0041 FrostyGoop Incident, whose name
  // `FrostyGoop` is the first word of.
  it('finds a name as another domain writes it before a short form of an enterprise name (FrostyGoop), and a short form after', () => {
    const found = locateAttackObject(library(), 'FrostyGoop');
    expect([found.index.domain, found.object.id]).to.deep.equal(['ics-attack', 'S1165']);
    expect(locateAttackObject(library(), 'Lazarus').object.id).to.equal('G0032');
  });

  it('looks only in the domain given', () => {
    expect(locateAttackObject(library(), 'G0050', { domain: 'enterprise-attack' }).index.domain).to.equal('enterprise-attack');
    expect(() => locateAttackObject(library(), 'S0405', { domain: 'enterprise-attack' })).to.throw(AttackObjectError);
  });

  // `attack-object S0405 --domain enterprise` offered enterprise's S0005, S0045, … and `Exodus --domain enterprise` said
  // to check the spelling, of an object mobile has under that very ID and name.
  describe('names the domain, or the release, of an object the domain given does not have', () => {
    const rows: ReadonlyArray<readonly [query: string, options: { domain: 'enterprise-attack' | 'mobile-attack'; release?: string }, message: string]> = [
      ['S0405', { domain: 'enterprise-attack' }, `"S0405" is not in ATT&CK enterprise-attack 18.1; it is S0405 Exodus (software) in mobile-attack 18.1 (give domain: 'mobile-attack' to use it)`],
      ['Exodus', { domain: 'enterprise-attack' }, `"Exodus" is not in ATT&CK enterprise-attack 18.1; it is S0405 Exodus (software) in mobile-attack 18.1 (give domain: 'mobile-attack' to use it)`],
      ['S1009', { domain: 'enterprise-attack' }, `"S1009" is not in ATT&CK enterprise-attack 18.1; it is S1009 Triton (software) in ics-attack 18.1 (give domain: 'ics-attack' to use it)`],
      ['Cobalt Strike', { domain: 'mobile-attack' }, `"Cobalt Strike" is not in ATT&CK mobile-attack 18.1; it is S0154 Cobalt Strike (software) in enterprise-attack 18.1 (give domain: 'enterprise-attack' to use it)`],
      // Mobile 14.1 is not here: the newest mobile release is where S0405 is.
      [
        'S0405',
        { domain: 'enterprise-attack', release: '14.1' },
        `"S0405" is not in ATT&CK enterprise-attack 14.1; it is S0405 Exodus (software) in mobile-attack 18.1 (give domain: 'mobile-attack' and leave out release: '14.1' to use it)`,
      ],
    ];
    for (const [query, options, message] of rows) {
      it(`${query} ${JSON.stringify(options)}`, () => {
        const error = thrown(() => locateAttackObject(library(), query, options));
        expect(error.message).to.equal(message);
        expect(error.candidates).to.have.length(1);
      });
    }
  });

  it("reports enterprise's suggestions when no domain knows the name", () => {
    expect(() => locateAttackObject(library(), 'Ocean Lotos')).to.throw(AttackObjectError, 'did you mean G0050 APT32');
  });
});

describe('currentTechnique and objectTechniques', () => {
  it('follows a revoked technique to its replacement, and leaves out deprecated ones and revoked ones without a replacement', () => {
    const index = fixture();
    const current = (id: string) => currentTechnique(index.technique(id)!, index);
    expect(current('T1566.001')).to.deep.equal({ technique: index.technique('T1566.001') });
    expect(current('T1193').technique?.id).to.equal('T1566.001');
    expect(current('T1193').note).to.equal('T1193 Spearphishing Attachment was revoked by T1566.001 Phishing: Spearphishing Attachment; shown as T1566.001');
    expect(current('T1064')).to.deep.equal({ note: 'T1064 Scripting is deprecated in ATT&CK 0.2; left out' });
    expect(current('T1099')).to.deep.equal({ note: 'T1099 Timestomp is revoked in ATT&CK 0.2 with no replacement recorded; left out' });
  });

  it("maps an object's techniques to current ones, with the IDs ATT&CK names and what was left out", () => {
    const index = fixture();
    const group = resolveAttackObject(index, 'G9001').object;
    const { techniques, warnings } = objectTechniques(group, index);
    expect([...techniques]).to.deep.equal([
      ['T1059', ['T1059']],
      ['T1204.002', ['T1204.002']],
      ['T1566.001', ['T1193', 'T1566.001']],
    ]);
    expect(warnings).to.have.length(3);
    expect(warnings.join('\n')).to.include('T1064 Scripting is deprecated').and.include('T1099 Timestomp is revoked');
  });
});
