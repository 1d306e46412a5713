/**
 * Where ATT&CK Navigator 5.1 stops reading a layer with an alert, it opens no tab and draws no matrix: validate says the
 * error, and nothing of what the matrix would hide or fail to colour (aggregate scores, filtered-out, collapsed or
 * hidden-disabled techniques). Navigator's loader reads the layer inside a try and alerts at what throws
 * (mitre-attack/attack-navigator nav-app/src/app/classes/view-model.ts at fa7a6017820f97f172be896d093c57a91387f372):
 * deserializeDomainVersionID reads a missing domain as "undefined", which no data has ("is an invalid domain");
 * deserialize tests `'tactic' in objTechnique`, a type error for an entry that is null; a release it has not configured
 * ("5") fails with "ERROR parsing layer…" (../shared/NAVIGATOR.md). A layer that only shows an alert and opens
 * (an empty tactic: TechniqueVM.deserialize's "WARNING: The tactic field…") keeps every finding.
 * The layer: PurpleOps' export layout with T1059 100 and T1059.001 99 under execution (`purpleOpsNearTop`).
 */
import { expect } from 'chai';
import { validateLayer } from '../../lib/layer/validate-layer.js';
import { attackFor, attackLibrary } from '../layer/attack-data.js';
import { purpleOpsNearTop } from './navigator-aggregate-near-top.test.js';

const MATRIX_CODES = ['hidden-subtechnique', 'hidden-disabled', 'filtered-out-technique'];
/**
 * What Navigator 5.1 does where ViewModel.deserialize throws (tabs.component.ts at fa7a6017, upgradeLayer): it opens the
 * layer's tab, then deserializes at once where the release's data is loaded (a throw there reaches the catch that alerts
 * "ERROR parsing file…"), else after loadDomainData in a promise nothing catches (a console error only).
 */
const STOPS_IN_TAB =
  `stops reading the layer in the tab it opens for it in the layer's release, with the alert "ERROR parsing file, check the javascript console for more ` +
  'information." where it has loaded that release already (a layer of it opened or created earlier in the session), else with only an error in its console';

describe('regression: validate says nothing of the matrix of a layer Navigator 5.1 opens no tab for', () => {
  // What upgrade does with a list the repair leaves out, as validate says it (h591).
  const KEPT = ' (`upgradeLayer` leaves it out and keeps it, as it was, in the layer\'s "removed by upgrade" metadata)';
  const validate = (layer: unknown) => validateLayer(layer, { attackFor: attackFor(attackLibrary()), file: 'purpleops.json' });
  const matrixFindings = (layer: unknown): string[] =>
    validate(layer)
      .filter((finding) => MATRIX_CODES.includes(finding.code) || (finding.code === 'score-out-of-range' && finding.message.includes('aggregate score')))
      .map((finding) => finding.code);
  /** PurpleOps' layer with a hidden disabled T1020 and a T1530 (cloud storage) the filter hides, besides the aggregate and T1059.001 collapsed. */
  const layer = (): Record<string, unknown> & ReturnType<typeof purpleOpsNearTop> => {
    const read = purpleOpsNearTop();
    read.hideDisabled = true;
    read.filters = { platforms: ['Windows', 'Linux'] };
    read.techniques.push({ techniqueID: 'T1020', tactic: 'exfiltration', score: 5, enabled: false }, { techniqueID: 'T1530', tactic: 'collection', score: 5 });
    return read as Record<string, unknown> & ReturnType<typeof purpleOpsNearTop>;
  };

  it('the layer as Navigator opens it has each matrix finding', () => {
    expect([...new Set(matrixFindings(layer()))].sort()).to.deep.equal(['filtered-out-technique', 'hidden-disabled', 'hidden-subtechnique', 'score-out-of-range']);
  });

  const stops: Array<[string, (read: Record<string, unknown>) => void, string]> = [
    ['no domain', (read) => delete read['domain'], 'navigator-alert'],
    ['an entry that is null', (read) => (read['techniques'] as unknown[]).unshift(null), 'navigator-alert'],
    ['ATT&CK 5, a release Navigator has not', (read) => ((read['versions'] as Record<string, unknown>)['attack'] = '5'), 'navigator-release'],
    // filter.ts Filter.deserialize at 33541d9b: `if (rep.platforms)`, then `for (let item of arr)`: 5 is not iterable.
    ['filters.platforms 5', (read) => (read['filters'] = { platforms: 5 }), 'schema'],
    // view-model.ts deserialize at fa7a6017: `obj.techniques.length`, then `'tactic' in` each character of text.
    ['"techniques": "T1059"', (read) => (read['techniques'] = 'T1059'), 'schema'],
    // `for (… of obj.metadata)`, `obj.links`, `obj.legendItems`: 5 is not iterable; text is read a character at a time.
    ['"metadata": 5', (read) => (read['metadata'] = 5), 'schema'],
    // Text there is a repair (kept as a metadata item), said as what Navigator does with it: it stops.
    ['"metadata": "abc"', (read) => (read['metadata'] = 'abc'), 'navigator-alert'],
    ['"links": 5', (read) => (read['links'] = 5), 'schema'],
    ['"legendItems": 5', (read) => (read['legendItems'] = 5), 'schema'],
    // gradient.ts Gradient.deserialize iterates `obj.colors`; layout-options.ts tests `'showID' in` the layout.
    ['"gradient": 5', (read) => (read['gradient'] = 5), 'schema'],
    ['"layout": 5', (read) => (read['layout'] = 5), 'schema'],
    // deserializeDomainVersionID: `'attack' in obj.versions`.
    ['"versions": 5', (read) => (read['versions'] = 5), 'schema'],
    // gradient.ts (0454b41d) takes the bounds as written; getHexColor of a score between none throws as
    // ViewModel.deserialize colours the entries last (updateGradient). A debrief generator writes colours only.
    ['a gradient of colours only, scores 99 and 5 between no bounds', (read) => (read['gradient'] = { colors: ['#e74c3c', '#f1c40f', '#2ecc71'] }), 'navigator-alert'],
    // technique-vm.ts TechniqueVM.deserialize: `for (… of obj.metadata)` of an entry Navigator reads (it has a tactic).
    ['an entry\'s "metadata": 5', (read) => ((read['techniques'] as Array<Record<string, unknown>>)[0]!['metadata'] = 5), 'schema'],
  ];
  for (const [what, change, code] of stops) {
    it(`says the ${code} error and no matrix finding for ${what}`, () => {
      const read = layer();
      change(read);
      expect(validate(read).filter((finding) => finding.severity === 'error').map((finding) => finding.code)).to.include(code);
      expect(matrixFindings(read)).to.deep.equal([]);
    });
  }

  it('says what Navigator 5.1 does at each such field and how to write it', () => {
    const said = (change: (read: Record<string, unknown>) => void): string[] => {
      const read = layer();
      change(read);
      return validate(read).filter((finding) => finding.severity === 'error').map((finding) => finding.message);
    };
    expect(said((read) => (read['techniques'] = 'T1059'))).to.deep.equal([
      'purpleops.json: /techniques: "T1059" is text, where the layer format takes a list: Navigator 5.1 reads the text one character at a time as entries ' +
        `(\`'tactic' in\` each, a type error) and ${STOPS_IN_TAB}; write a list of entries such as [{"techniqueID": "T1059", "score": 1}]`,
    ]);
    expect(said((read) => (read['metadata'] = 5))).to.deep.equal([
      'purpleops.json: /metadata: 5 is a whole number, where the layer format takes a list: Navigator 5.1 fails iterating it ("is not iterable" in its console), ' +
        `and ${STOPS_IN_TAB}; write a list of metadata items such as {"name": "…", "value": "…"}, or leave the field out${KEPT}`,
    ]);
    // filter.ts Filter.deserialize at 33541d9b: `if (rep.platforms)`, then `for (let item of arr)`: 5 is not iterable.
    expect(said((read) => (read['filters'] = { platforms: 5 }))).to.deep.equal([
      'purpleops.json: /filters/platforms: 5 is a whole number, where the layer format takes a list: Navigator 5.1 fails iterating it ("is not iterable" ' +
        `in its console), and ${STOPS_IN_TAB}; write a list of platform names such as ["Windows", "Linux"], or leave it out to show every platform${KEPT}`,
    ]);
    // Navigator stops before it reads a format: no "Outdated Layer" dialog is said.
    expect(said((read) => (read['versions'] = 5))).to.deep.equal([
      'purpleops.json: /versions: 5 is a whole number: Navigator 5.1 tests its fields with `in` (a type error) and stops with the alert "ERROR parsing layer, ' +
        'check the javascript console for more information." instead of opening the layer; write an object such as {"attack": "18", "navigator": "5.1.0", "layer": "4.5"} (`upgradeLayer` writes one)',
    ]);
  });

  // What Navigator 5.1 reads nothing from, and opens the layer as it opens one without it, the repair leaves out (h591):
  // a warning that upgrade leaves it out, as for a list written as empty text.
  const ignored: Array<[string, (read: Record<string, unknown>) => void, RegExp]> = [
    // `obj.techniques.length > 0` of a number is false: Navigator reads no entry and opens the layer.
    ['"techniques": 5', (read) => (read['techniques'] = 5), /\/techniques: 5 is a number, where a list of technique entries goes, and holds no item to read it as; left out \(`upgradeLayer` leaves it out/],
    // `if (rep.platforms)` of 0 is false: Navigator reads no filter, and fills it with every platform (initPlatformOptions).
    ['"filters": {"platforms": 0}', (read) => (read['filters'] = { platforms: 0 }), /\/filters\/platforms: 0 is a number, where a list of platform names goes, and holds no item to read it as; left out \(`upgradeLayer` leaves it out/],
  ];
  for (const [what, change, message] of ignored) {
    it(`says what Navigator 5.1 ignores of ${what}, as a repair`, () => {
      const read = layer();
      change(read);
      const said = validate(read).filter((finding) => message.test(finding.message));
      expect(said.map((finding) => [finding.severity, finding.code])).to.deep.equal([['warning', 'repaired']]);
    });
  }

  // Empty text where a list goes is a repair, not an error: Navigator reads no item from it and opens the layer.
  it('says what Navigator 5.1 ignores of "metadata": "", as a repair', () => {
    const read = layer();
    read['metadata'] = '';
    const findings = validate(read).filter((finding) => finding.path === '/metadata');
    expect(findings.map((finding) => [finding.severity, finding.code])).to.deep.equal([['warning', 'repaired']]);
    expect(findings[0]!.message).to.match(/\/metadata: "" \(empty text where a list goes\) holds no item, as Navigator 5\.1 reads it; left out/);
  });

  it('keeps the matrix findings of the layer Navigator opens with "metadata": ""', () => {
    const read = layer();
    read['metadata'] = '';
    expect([...new Set(matrixFindings(read))].sort()).to.deep.equal(['filtered-out-technique', 'hidden-disabled', 'hidden-subtechnique', 'score-out-of-range']);
  });

  it('keeps the matrix findings where Navigator reads no entry with such a list: no tactic, and an ID the release has not', () => {
    const read = layer();
    (read.techniques as unknown[]).push({ techniqueID: 'T1999', metadata: 5 });
    expect([...new Set(matrixFindings(read))].sort()).to.deep.equal(['filtered-out-technique', 'hidden-disabled', 'hidden-subtechnique', 'score-out-of-range']);
    (read.techniques as unknown[]).push({ techniqueID: 'T1003', metadata: 5 });
    expect(matrixFindings(read)).to.deep.equal([]);
  });

  // view-model.ts at fa7a6017 (deserialize): an entry without a tactic is read only through the release's technique of
  // its ID, and not where that one is revoked or deprecated ("don't load deprecated/revoked"); T1999 (no such ID) and
  // T1086 (PowerShell, revoked for T1059.001) it never reads, so their "metadata": 5 is only the repair that leaves it out.
  it('says Navigator fails reading an entry\'s list only of an entry it reads', () => {
    const read = layer();
    (read.techniques as unknown[]).push({ techniqueID: 'T1999', metadata: 5 }, { techniqueID: 'T1086', metadata: 5 }, { techniqueID: 'T1003', metadata: 5 });
    const metadata = validate(read).filter((finding) => finding.path.endsWith('/metadata')).map((finding) => finding.message);
    expect(metadata).to.deep.equal([
      `purpleops.json: /techniques/13/metadata: 5 is a number, where a list of metadata items goes, and holds no item to read it as; left out${KEPT}`,
      `purpleops.json: /techniques/14/metadata: 5 is a number, where a list of metadata items goes, and holds no item to read it as; left out${KEPT}`,
      'purpleops.json: /techniques/15/metadata: 5 is a whole number, where the layer format takes a list: Navigator 5.1, reading the entry, fails iterating it ' +
        `("is not iterable" in its console), and ${STOPS_IN_TAB}; write a list of metadata items such as {"name": "…", "value": "…"}, or leave the field out${KEPT}`,
    ]);
  });

  // tabs.component.ts at fa7a6017 (readJSONFile): the elements of a file of several layers are read in turn, each in
  // loadObjAsLayer's own try, whose catch alerts "ERROR parsing layer…" and goes on: the layers after one Navigator
  // stops at (or one that is no layer, null) open, and are checked as opened.
  it('checks the layers after one Navigator stops at in a file of several layers as opened', () => {
    const stopped = layer();
    delete stopped['domain'];
    const findings = validate([stopped, null, layer()]);
    const matrix = (position: number): string[] =>
      [...new Set(findings.filter((finding) => finding.layer === position && MATRIX_CODES.concat('score-out-of-range').includes(finding.code)).map((finding) => finding.code))].sort();
    expect(findings.filter((finding) => finding.layer === 0).map((finding) => finding.code)).to.include('navigator-alert');
    expect(matrix(0)).to.deep.equal([]);
    expect(findings.find((finding) => finding.layer === 1)?.message).to.contain('skips it with the alert "ERROR parsing layer, check the javascript console for more information.", opening the file\'s other layers');
    expect(matrix(2)).to.deep.equal(['filtered-out-technique', 'hidden-disabled', 'hidden-subtechnique', 'score-out-of-range']);
  });

  // tabs.component.ts at fa7a6017 (readJSONFile): `if (layerFile?.length)` then `for (let layer of layerFile)`, outside
  // loadObjAsLayer's try: a file of one object with a "length" set is iterated, which throws "is not iterable" with no
  // alert and no tab; a length of 0 is falsy, and the object opens as one layer (deserialize ignores the field), as an
  // element of a file's array of layers does whatever its length.
  it('says Navigator 5.1 opens nothing of a file of one object with a "length", and nothing of its matrix', () => {
    const read = layer();
    read['length'] = 3;
    const findings = validate(read);
    expect(findings.filter((finding) => finding.path === '/length').map((finding) => [finding.severity, finding.code, finding.message])).to.deep.equal([
      [
        'error',
        'schema',
        'purpleops.json: /length: "length" (3) is no layer field: Navigator 5.1 reads a file of one object whose "length" is set (not 0, "", false or null) ' +
          'as a list of layers, fails iterating the object ("is not iterable" in its console) and opens no tab, with no alert; leave it out ' +
          '(`upgradeLayer` leaves it out and keeps it, as it was, in the layer\'s "removed by upgrade" metadata)',
      ],
    ]);
    expect(matrixFindings(read)).to.deep.equal([]);
  });

  it('keeps the matrix findings where Navigator 5.1 opens the layer and ignores its "length": 0, or any in a file of several layers', () => {
    const read = layer();
    read['length'] = 0;
    expect(validate(read).filter((finding) => finding.path === '/length').map((finding) => [finding.severity, finding.code])).to.deep.equal([['warning', 'repaired']]);
    expect([...new Set(matrixFindings(read))].sort()).to.deep.equal(['filtered-out-technique', 'hidden-disabled', 'hidden-subtechnique', 'score-out-of-range']);
    read['length'] = 3;
    const findings = validate([read]);
    expect(findings.filter((finding) => finding.path === '/length').map((finding) => [finding.severity, finding.code])).to.deep.equal([['warning', 'repaired']]);
    expect(findings.map((finding) => finding.code)).to.include('hidden-subtechnique');
  });

  // view-model.ts at fa7a6017 (deserializeDomainVersionID): `'attack' in obj.versions` is false for a list, so the layer
  // opens in the newest release, and `String(obj.versions['layer'])` is "undefined", a format that is no 4.x: the
  // "Outdated Layer" dialog, then the layer drawn.
  it('says Navigator 5.1 reads "versions": [] as stating no format, and checks the matrix it draws', () => {
    const read = layer();
    read['versions'] = [];
    const findings = validate(read);
    expect(findings.filter((finding) => finding.severity === 'error').map((finding) => [finding.code, finding.path])).to.deep.equal([['old-format', '/versions']]);
    expect(findings.find((finding) => finding.code === 'old-format')?.message).to.contain('Navigator 5.1 reads it as "undefined" and opens the layer only after the dialog "WARNING: Outdated Layer.');
    expect([...new Set(matrixFindings(read))].sort()).to.deep.equal(['filtered-out-technique', 'hidden-disabled', 'hidden-subtechnique', 'score-out-of-range']);
  });

  // A public red/blue debrief generator's layer (own minimal copy of its shape): ATT&CK "v14", no layer format, a
  // gradient of colours only, "techniqueCount", entries coloured, commented and enabled, none scored.
  const debrief = (scores: Array<number | undefined>) => ({
    name: 'Red-Blue Real Debrief',
    versions: { attack: 'v14', navigator: '4.9.1', layer: '4.5' },
    domain: 'enterprise-attack',
    gradient: { colors: ['#e74c3c', '#f1c40f', '#2ecc71'] },
    techniqueCount: 2,
    techniques: [
      { techniqueID: 'T1003', color: '#2ecc71', comment: 'Dump LSASS', enabled: true, ...(scores[0] === undefined ? {} : { score: scores[0] }) },
      { techniqueID: 'T1021.002', color: '#e74c3c', comment: 'SMB lateral movement', enabled: true, ...(scores[1] === undefined ? {} : { score: scores[1] }) },
    ],
  });

  it('says a gradient without bounds only warns where Navigator colours no score between them (colours only, as the debrief writes)', () => {
    const findings = validate(debrief([undefined, undefined]));
    expect(findings.filter((finding) => finding.path.startsWith('/gradient')).map((finding) => [finding.severity, finding.path])).to.deep.equal([
      ['warning', '/gradient/minValue'],
      ['warning', '/gradient/maxValue'],
    ]);
    expect(findings.map((finding) => finding.code)).to.include('hidden-subtechnique');
  });

  it('says Navigator stops at a gradient without bounds where it colours a score, once, naming the score', () => {
    const findings = validate(debrief([50, undefined]));
    expect(findings.filter((finding) => finding.path.startsWith('/gradient')).map((finding) => [finding.severity, finding.code, finding.path])).to.deep.equal([
      ['error', 'navigator-alert', '/gradient/minValue'],
      ['warning', 'repaired', '/gradient/maxValue'],
    ]);
    expect(findings.find((finding) => finding.path === '/gradient/minValue')?.message).to.equal(
      'purpleops.json: /gradient/minValue: missing; set to 0, the minValue of Navigator\'s default gradient: Navigator 5.1 reads the bound as no number, ' +
        `fails colouring T1003's score 50 ("Cannot read properties of undefined" in its console) and ${STOPS_IN_TAB} (\`upgradeLayer\` writes it repaired)`,
    );
    expect(findings.map((finding) => finding.code)).to.not.include('hidden-subtechnique');
  });

  // view-model.ts at fa7a6017: updateGradient colours the entries deserialize read, and it reads one without a tactic
  // only through the release's current technique of its ID; T1999 (no such ID), T1086 (revoked for T1059.001) and
  // T1626 (a Mobile technique, in this enterprise layer) it never reads, so their scores are never coloured.
  const unreadScored = [
    { techniqueID: 'T1999', score: 70 },
    { techniqueID: 'T1086', score: 60 },
    { techniqueID: 'T1626', score: 40 },
  ];

  it('says Navigator stops at a gradient without bounds only for a score it reads, naming that one and counting the others', () => {
    const read = debrief([30, 20]);
    (read.techniques as unknown[]).unshift(...unreadScored);
    const findings = validate(read);
    expect(findings.filter((finding) => finding.path.startsWith('/gradient')).map((finding) => [finding.severity, finding.code, finding.path])).to.deep.equal([
      ['error', 'navigator-alert', '/gradient/minValue'],
      ['warning', 'repaired', '/gradient/maxValue'],
    ]);
    expect(findings.find((finding) => finding.path === '/gradient/minValue')?.message).to.equal(
      'purpleops.json: /gradient/minValue: missing; set to 0, the minValue of Navigator\'s default gradient: Navigator 5.1 reads the bound as no number, ' +
        `fails colouring T1003's score 30, the first of the 2 scores it reads between the bounds ("Cannot read properties of undefined" in its console) ` +
        `and ${STOPS_IN_TAB}; it reads none of the 3 other entries scored between them (T1999, T1086, T1626), which have no tactic and no current ` +
        "technique of the layer's release (`upgradeLayer` writes it repaired)",
    );
  });

  it('says a gradient without bounds only warns where the scores between them are all of entries Navigator never reads', () => {
    const read = debrief([undefined, undefined]);
    (read.techniques as unknown[]).unshift(...unreadScored);
    const findings = validate(read);
    expect(findings.filter((finding) => finding.path.startsWith('/gradient')).map((finding) => [finding.severity, finding.code, finding.path])).to.deep.equal([
      ['warning', 'repaired', '/gradient/minValue'],
      ['warning', 'repaired', '/gradient/maxValue'],
    ]);
    expect(findings.map((finding) => finding.code)).to.include('hidden-subtechnique');
  });

  // An entry with a tactic Navigator reads whatever its ID (deserialize: `'tactic' in objTechnique`), and colours it.
  it('says Navigator stops at a gradient without bounds for an unknown ID\'s score where the entry has a tactic', () => {
    const read = debrief([undefined, undefined]);
    (read.techniques as unknown[]).unshift({ techniqueID: 'T1999', tactic: 'execution', score: 70 });
    const message = validate(read).find((finding) => finding.path === '/gradient/minValue')?.message;
    expect(message).to.contain("fails colouring T1999's score 70 (");
  });

  // gradient.ts at 0454b41d: getHexColor compares the score with the bounds as written; `null` is read as 0, so
  // "minValue": null with "maxValue" missing fails at the missing maximum, and a score of 0 or less is coloured.
  it('says the bound Navigator reads as no number: the missing maxValue beside "minValue": null', () => {
    const read = debrief([50, undefined]);
    (read.gradient as Record<string, unknown>)['minValue'] = null;
    const findings = validate(read).filter((finding) => finding.path.startsWith('/gradient/'));
    expect(findings.map((finding) => [finding.severity, finding.code, finding.path])).to.deep.equal([
      ['warning', 'repaired', '/gradient/minValue'],
      ['error', 'navigator-alert', '/gradient/maxValue'],
    ]);
  });

  it('keeps the matrix findings of a layer Navigator opens after an alert: an empty tactic', () => {
    const read = layer();
    read.techniques.push({ techniqueID: 'T1003', tactic: '', score: 1 });
    expect(validate(read).map((finding) => finding.code)).to.include('navigator-alert');
    expect([...new Set(matrixFindings(read))].sort()).to.deep.equal(['filtered-out-technique', 'hidden-disabled', 'hidden-subtechnique', 'score-out-of-range']);
  });
});
