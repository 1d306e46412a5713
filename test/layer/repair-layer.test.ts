import { expect } from 'chai';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AttackIndex } from '../../lib/attack/attack-index.js';
import type { AttackLibrary } from '../../lib/attack/load.js';
import { InputError } from '../../lib/errors.js';
import { matrixModel } from '../../lib/export/matrix-model.js';
import { parseExportInput } from '../../lib/export/export-input.js';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import { repairLayer } from '../../lib/layer/repair-layer.js';
import { isNavigatorLayer } from '../../lib/layer/serialize-layer.js';
import { REMOVED_METADATA_NAME, upgradeLayer, upgradeReleases } from '../../lib/layer/upgrade-layer.js';
import { countChanges } from '../../lib/layer/upgrade-report.js';
import { gradientColor } from '../../lib/layer/score.js';
import { validateLayer } from '../../lib/layer/validate-layer.js';
import { freshTmpDir, runCli } from '../helpers/attack.js';
import { attackFor, attackLibrary, readLayerFixture } from './attack-data.js';

type Layer = Record<string, unknown>;

function layer(techniques: unknown[], extra: Layer = {}): Layer {
  return { name: 'faults', versions: { attack: '18', navigator: '5.1.0', layer: '4.5' }, domain: 'enterprise-attack', techniques, ...extra };
}

/** Hand-written layers with each fault real layers have, and the one repair line each must give (path, wording). */
const FAULTS: Array<[label: string, value: Layer, repairs: Array<[path: string, repair: RegExp]>]> = [
  // A layer from elsewhere may link code: a click on `javascript:` runs it, `data:` embeds a page of its own. Such a
  // link was carried into every layer upgrade or combine wrote; it is left out, said, a web address beside it kept.
  [
    'a link to a javascript: and a data: address beside a web page',
    layer([{ techniqueID: 'T1059', score: 1, links: [{ label: 'x', url: 'javascript:alert(document.domain)' }, { label: 'report', url: 'https://example.org/r' }, { label: 'y', url: ' DATA:text/html,<script>1</script>' }] }]),
    [
      ['/techniques/0/links/0', /^link \{"label":"x","url":"javascript:alert\(document\.domain\)"\} is a javascript: address, which runs or embeds code when opened, not a page to read; left out$/],
      ['/techniques/0/links/2', /is a data: address, which runs or embeds code when opened, not a page to read; left out$/],
    ],
  ],
  // Navigator 5.1 reads an item with a name (a link with a URL) by it, never as a divider (metadata.ts and link.ts
  // deserialize, mitre-attack/attack-navigator at 199b18db and 23de4c27): "divider": false beside them, as a generator
  // writing every field of its item class would, is no divider. It was read as one, losing the name and value, the URL.
  [
    'a metadata item and a link with "divider": false beside their name and value, their URL',
    layer([{ techniqueID: 'T1059', score: 1, metadata: [{ name: 'source', value: 'report A', divider: false }], links: [{ label: 'report', url: 'https://example.org/r', divider: false }] }]),
    [
      ['/techniques/0/metadata/0/divider', /^false beside a name and value, which Navigator 5\.1 reads the item by \(Metadata\.deserialize\), not as a divider; left out$/],
      ['/techniques/0/links/0/divider', /^false beside a URL, which Navigator 5\.1 reads the item by \(Link\.deserialize\), not as a divider; left out$/],
    ],
  ],
  [
    'a divider with a name and no value, which Navigator shows nothing of',
    layer([{ techniqueID: 'T1059', score: 1, metadata: [{ name: 'analyst', divider: true }] }]),
    [['/techniques/0/metadata/0/name', /^"analyst" beside a divider without a value, which Navigator 5\.1 would not show; left out$/]],
  ],
  ['a colour with a trailing space', layer([{ techniqueID: 'T1059', color: '#0d47a1 ' }]), [['/techniques/0/color', /"#0d47a1 " read as "#0d47a1"/]]],
  ['a colour with a doubled hash', layer([{ techniqueID: 'T1059', color: '##ffffff' }]), [['/techniques/0/color', /"##ffffff" read as "#ffffff"/]]],
  ['a colour that is none', layer([{ techniqueID: 'T1059', score: 1, color: 'reddish' }]), [['/techniques/0/color', /"reddish" is not a colour; removed/]]],
  // Navigator takes any colour tinycolor2 parses (technique-vm: tinycolor(obj.color).isValid()); layers we write hold hex.
  // whitfieldsdad/mitre-attack-navigator-layer-builder writes "cornflowerblue" (its Industroyer layer, S0604).
  [
    'colours written as CSS names, rgb() and hsl()',
    layer(
      [
        { techniqueID: 'T1059', color: 'cornflowerblue' },
        { techniqueID: 'T1078', color: 'rgb(255, 0, 0)' },
        { techniqueID: 'T1105', color: 'hsl(120, 100%, 25%)' },
        { techniqueID: 'T1003', color: 'rgba(255, 0, 0, 0.5)' },
      ],
      { gradient: { colors: ['white', 'Red'], minValue: 0, maxValue: 100 }, legendItems: [{ label: 'used', color: 'cornflowerblue' }] },
    ),
    [
      ['/techniques/0/color', /^"cornflowerblue" read as "#6495ed"$/],
      ['/techniques/1/color', /^"rgb\(255, 0, 0\)" read as "#ff0000"$/],
      ['/techniques/2/color', /^"hsl\(120, 100%, 25%\)" read as "#008000"$/],
      ['/techniques/3/color', /^"rgba\(255, 0, 0, 0\.5\)" read as "#ff000080"$/],
      ['/gradient/colors/0', /^"white" read as "#ffffff"$/],
      ['/gradient/colors/1', /^"Red" read as "#ff0000"$/],
      ['/legendItems/0/color', /^"cornflowerblue" read as "#6495ed"$/],
    ],
  ],
  // Navigator 5.1's Metadata.valid() (nav-app/src/app/classes/metadata.ts) keeps an item only when its name and value
  // are not empty, so an item without a value, kept with an empty one, showed nowhere; its Link.valid() wants a label.
  [
    'metadata items without a value (missing or empty), or without a name, and a link without a label',
    layer([{ techniqueID: 'T1059', score: 1, metadata: [{ name: 'analyst' }, { value: 'x' }, { name: 'reviewer', value: '' }], links: [{ url: 'https://example.org' }] }]),
    [
      ['/techniques/0/metadata/0', /^metadata item \{"name":"analyst"\} has no value, and Navigator 5\.1 shows no item without one; left out$/],
      ['/techniques/0/metadata/1', /has no name; left out/],
      ['/techniques/0/metadata/2', /^metadata item \{"name":"reviewer","value":""\} has no value, and Navigator 5\.1 shows no item without one; left out$/],
      ['/techniques/0/links/0/label', /^no label, and Navigator 5\.1 shows no link without one; labelled with its URL$/],
    ],
  ],
  // A pentest framework's Navigator export on GitHub (KittySploit, `export_navigator_layer`; find_string id 54829148293,
  // its repository not named by the index) writes one metadata item per module as a record of its own fields,
  // `{"artifacts": 1, "declared": true, "detections": 2, "module_path": "…"}`, none of them a name or value. Each
  // field was left out on its own line, then the emptied item ("metadata item {} has no name"), and every value went
  // to the layer's "removed by upgrade" metadata, off the technique. Our own module paths, in that shape.
  [
    'metadata items written as records of fields of their own, on an entry and on the layer',
    layer(
      [
        {
          techniqueID: 'T1190',
          score: 4,
          metadata: [
            { artifacts: 1, declared: true, detections: 2, module_path: 'exploits/http/example_rce' },
            { artifacts: 0, declared: false, detections: 0, module_path: 'exploits/http/example_sqli', note: '' },
          ],
        },
      ],
      { metadata: [{ author: 'red team', generated: '2026-05-27' }] },
    ),
    [
      ['/techniques/0/metadata/0', /^metadata item with fields of its own \(artifacts, declared, detections, module_path\) and no name or value; read as an item per field, named by it, after a divider from any item before it$/],
      ['/techniques/0/metadata/1', /^metadata item with fields of its own \(artifacts, declared, detections, module_path\) and no name or value; read as an item per field/],
      ['/metadata/0', /^metadata item with fields of its own \(author, generated\) and no name or value; read as an item per field/],
    ],
  ],
  // The same record written where the list goes, as a generator building each entry's metadata as a dict does: Navigator
  // 5.1 fails iterating it, and upgrade, combine and gap refused the whole file ("/techniques/0/metadata: must be
  // array"). No published layer of this shape was found; it is KittySploit's record above without its list.
  [
    'metadata written as an object of fields of its own, on an entry and on the layer',
    layer([{ techniqueID: 'T1190', score: 4, metadata: { module_path: 'exploits/http/example_rce', detections: 2 } }], { metadata: { author: 'red team' } }),
    [
      ['/techniques/0/metadata', /^an object of fields of its own \(module_path, detections\), not a list of metadata items; read as an item per field, named by it$/],
      ['/metadata', /^an object of fields of its own \(author\), not a list of metadata items; read as an item per field, named by it$/],
    ],
  ],
  ['an empty entry {}', layer([{}, { techniqueID: 'T1059', score: 1 }]), [['/techniques/0', /empty entry \{\}; left out/]]],
  ['an ID with a stray space', layer([{ techniqueID: 'T1078 ', score: 1 }]), [['/techniques/0/techniqueID', /"T1078 " read as T1078/]]],
  ['an ID with a trailing dot', layer([{ techniqueID: 'T1036.', score: 1 }]), [['/techniques/0/techniqueID', /"T1036\." read as T1036/]]],
  // Said once: "null means unscored; removed", not "…; removed (unscored)".
  ['score null', layer([{ techniqueID: 'T1059', score: null, comment: 'seen' }]), [['/techniques/0/score', /^null means unscored; removed$/]]],
  ['a score that is no number', layer([{ techniqueID: 'T1059', score: 'high', comment: 'seen' }]), [['/techniques/0/score', /^"high" is not a number; removed \(unscored\)$/]]],
  ['a score written as text', layer([{ techniqueID: 'T1059', score: '75' }]), [['/techniques/0/score', /"75" read as 75/]]],
  ['a tactic written as its name', layer([{ techniqueID: 'T1059', tactic: 'Execution', score: 1 }]), [['/techniques/0/tactic', /"Execution" read as execution/]]],
  // Tools that keep a technique table with its tactics in one string (find_string ids 53117346376, 58280253485, 54103477155)
  // copy it into each entry's tactic; Navigator keys such an entry to no cell.
  [
    'tactics written as a list in one string',
    layer([{ techniqueID: 'T1055', tactic: 'defense-evasion, privilege-escalation', score: 3 }]),
    [['/techniques/0/tactic', /^"defense-evasion, privilege-escalation" is a list of tactics; read as one entry under each: defense-evasion, privilege-escalation/]],
  ],
  [
    'tactic names written as a list in one string',
    layer([{ techniqueID: 'T1053.005', tactic: 'Persistence, Privilege Escalation, Execution', score: 1 }]),
    [['/techniques/0/tactic', /^"Persistence, Privilege Escalation, Execution" is a list of tactics; read as one entry under each: persistence, privilege-escalation, execution/]],
  ],
  // Technique tables that tools keep and copy into layer entries join tactics with a slash or "and" too (find_string ids
  // 54628170078 and 54943296213: "Defense Evasion/Persistence" on T1197 and T1078, 45108140103: "Persistence/Execution"
  // on T1053.005; 13323953424: "Persistence and Privilege Escalation").
  [
    'tactics joined by a slash',
    layer([{ techniqueID: 'T1078', tactic: 'Defense Evasion/Persistence', score: 1 }]),
    [['/techniques/0/tactic', /^"Defense Evasion\/Persistence" is a list of tactics; read as one entry under each: defense-evasion, persistence/]],
  ],
  [
    'tactics joined by "and" and "&", beside a tactic whose name holds "and"',
    layer([
      { techniqueID: 'T1547.001', tactic: 'Persistence and Privilege Escalation', score: 1 },
      { techniqueID: 'T1048', tactic: 'Command and Control & Exfiltration', score: 1 },
    ]),
    [
      ['/techniques/0/tactic', /^"Persistence and Privilege Escalation" is a list of tactics; read as one entry under each: persistence, privilege-escalation/],
      ['/techniques/1/tactic', /^"Command and Control & Exfiltration" is a list of tactics; read as one entry under each: command-and-control, exfiltration/],
    ],
  ],
  // The same cell (find_string id 13323953424) with its second tactic misspelt, reconstructed: a tactic joined to text
  // that is none is no list (splitTacticList), and no tactic's shortname either (not `persistence-and-priviledge-escalation`).
  [
    'a tactic joined by "and" to text that is no tactic',
    layer([{ techniqueID: 'T1547.001', tactic: 'Persistence and Priviledge Escalation', score: 1 }]),
    [['/techniques/0/tactic', /^"Persistence and Priviledge Escalation" is not a tactic, nor a list of them: only a part of it is one \(persistence\); removed \(the annotation applies under every tactic/]],
  ],
  // "Unknown" was read as the shortname unknown, then moved to every tactic as one not the technique's: two findings.
  [
    'a tactic written "Unknown", which says no tactic is known',
    layer([{ techniqueID: 'T1059', tactic: 'Unknown', score: 1 }]),
    [['/techniques/0/tactic', /^"Unknown" says no tactic is known; removed \(the annotation applies under every tactic\)$/]],
  ],
  ['a tactic written with "&"', layer([{ techniqueID: 'T1071.001', tactic: 'Command & Control', score: 1 }]), [['/techniques/0/tactic', /^"Command & Control" read as command-and-control$/]]],
  // Defender's AlertInfo Category as a layer's tactic (a KQL write-up, "Creating Your Own ATT&CK Navigator Map Based on
  // Defender Rules", find_string id 5594560356, writes `"tactic": "InitialAccess"`), reconstructed.
  [
    'tactics written in words run together, as Defender and Sentinel name them',
    layer([{ techniqueID: 'T1566', tactic: 'InitialAccess', score: 1 }, { techniqueID: 'T1071', tactic: 'CommandAndControl', score: 1 }]),
    [
      ['/techniques/0/tactic', /^"InitialAccess" read as initial-access$/],
      ['/techniques/1/tactic', /^"CommandAndControl" read as command-and-control$/],
    ],
  ],
  [
    'tactics written as a JSON list',
    layer([{ techniqueID: 'T1055', tactic: ['Defense Evasion', 'privilege-escalation'], score: 1 }]),
    [['/techniques/0/tactic', /^\["Defense Evasion","privilege-escalation"\] is a list of tactics; read as one entry under each: defense-evasion, privilege-escalation/]],
  ],
  [
    'an entry with no technique ID at all (left out, with what it held)',
    layer([{ comment: 'lost?', score: 3 }]),
    [['/techniques/0', /no techniqueID; the entry is left out: \{"comment":"lost\?","score":3\}/]],
  ],
  ['a gradient colour with a trailing space', layer([], { gradient: { colors: ['#ffffff ', '#ff6666'], minValue: 0, maxValue: 1 } }), [['/gradient/colors/0', /read as "#ffffff"/]]],
  // mvelazc0/attack2jira writes `"gradient": {"colors": ["#DCDCDC", "#03ad03"]}`, no bounds (its entries colour-only).
  [
    'a gradient without minValue and maxValue',
    layer([{ techniqueID: 'T1059', enabled: false, color: '#DCDCDC' }, { techniqueID: 'T1003', score: 40 }], { gradient: { colors: ['#DCDCDC', '#03ad03'] } }),
    [
      ['/gradient/minValue', /^missing; set to 0, the minValue of Navigator's default gradient$/],
      ['/gradient/maxValue', /^missing; set to 100, the maxValue of Navigator's default gradient$/],
    ],
  ],
  [
    'a gradient bound that is no number',
    layer([{ techniqueID: 'T1059', score: 1 }], { gradient: { colors: ['#ffffff', '#ff6666'], minValue: 0, maxValue: 'max' } }),
    [['/gradient/maxValue', /^"max" is not a number; left out and set to 100, the maxValue of Navigator's default gradient$/]],
  ],
  // TTP Profiler (a layer generator on GitHub) writes `"gradient": {"colors": [...], "min": 0, "max": 1}` for its scores
  // of 0..1; Navigator reads only minValue and maxValue and draws them on its default 0..100.
  [
    'gradient bounds written as min and max, and a gradient field no format has',
    layer([{ techniqueID: 'T1059', score: 0.82 }], { gradient: { colors: ['#7C4DFF', '#FF2E97'], min: 0, max: 1, steps: 4 } }),
    [
      ['/gradient/min', /^"min" is no gradient field \(Navigator ignores it\); read as minValue$/],
      ['/gradient/max', /^"max" is no gradient field \(Navigator ignores it\); read as maxValue$/],
      ['/gradient/steps', /^"steps" is no gradient field \(Navigator ignores it\); left out$/],
    ],
  ],
  ['gradient colours written as colours', layer([{ techniqueID: 'T1059', score: 1 }], { gradient: { colours: ['#ffffff', '#ff6666'], minValue: 0, maxValue: 1 } }), [['/gradient/colours', /^"colours" is no gradient field \(Navigator ignores it\); read as colors$/]]],
  // Entry fields Navigator does not know, which it ignores, showing the technique without that annotation: a British
  // spelling, a slip of the keys, a capital, a camel-case ID (hand-written entries of the kind a sweep of published
  // layers found; each field is read as the one field it can mean).
  [
    'technique entry fields misspelt (colour, commnet, Score, techniqueId)',
    layer([
      { techniqueID: 'T1059', colour: '#ff6666', commnet: 'seen in the loader' },
      { techniqueId: 'T1078', Score: '3' },
    ]),
    [
      ['/techniques/0/colour', /^"colour" is no technique entry field \(Navigator ignores it\); read as color$/],
      ['/techniques/0/commnet', /^"commnet" is no technique entry field \(Navigator ignores it\); read as comment$/],
      ['/techniques/1/techniqueId', /^"techniqueId" is no technique entry field \(Navigator ignores it\); read as techniqueID$/],
      ['/techniques/1/Score', /^"Score" is no technique entry field \(Navigator ignores it\); read as score$/],
      // What a later rule does to the field is said where it was written.
      ['/techniques/1/Score', /^"3" read as 3$/],
    ],
  ],
  // A Python layer module built on hodgepodge (find_string id 764916111; its repository is not named by the index) keeps
  // its dataclasses' snake_case names when layer_as_json is called with convert_to_camelcase=False: technique_id,
  // hide_disabled, min_value and max_value, and None for each unset field. Navigator finds no techniqueID and drops the entry.
  [
    "a layer as a hodgepodge dataclass writes it without camelCase (technique_id, hide_disabled, min_value)",
    layer([{ color: null, comment: null, enabled: true, score: 1, technique_id: 'T1003' }], {
      gradient: { colors: ['#7FDBFF', '#001F3F'], min_value: 0, max_value: 2 },
      hide_disabled: false,
    }),
    [
      ['/techniques/0/technique_id', /^"technique_id" is no technique entry field \(Navigator ignores it\); read as techniqueID$/],
      ['/techniques/0/color', /^null is not a colour; removed$/],
      ['/techniques/0/comment', /^null removed$/],
      ['/hide_disabled', /^"hide_disabled" is no layer field \(Navigator ignores it\); read as hideDisabled$/],
      ['/gradient/min_value', /^"min_value" is no gradient field \(Navigator ignores it\); read as minValue$/],
      ['/gradient/max_value', /^"max_value" is no gradient field \(Navigator ignores it\); read as maxValue$/],
    ],
  ],
  [
    'a legend item, a layout option, a filter and a layer field misspelt or shortened (colour, showIDs, platform, desc)',
    layer([{ techniqueID: 'T1059', score: 1 }], {
      desc: 'loader techniques',
      layout: { showIDs: true },
      filters: { platform: ['Windows'] },
      legendItems: [{ label: 'seen', colour: '#ff6666' }],
    }),
    [
      ['/desc', /^"desc" is no layer field \(Navigator ignores it\); read as description$/],
      ['/layout/showIDs', /^"showIDs" is no layout field \(Navigator ignores it and keeps its default, false\); read as showID$/],
      ['/filters/platform', /^"platform" is no filters field \(Navigator ignores it\); read as platforms$/],
      ['/legendItems/0/colour', /^"colour" is no legend item field \(Navigator ignores it\); read as color$/],
    ],
  ],
  // An ICS rule-coverage generator on GitHub ("OT Sentinel", generate_navigator_layer.py; find_string id 56114526157, its
  // repository not named by the index) writes `"layout": {…, "expandedSubdomains": "operating-systems"}`, an option no
  // format has and close to none: Navigator ignores it. It and such fields of the filters, a legend item, a link and a
  // metadata item were kept as written in what upgrade wrote; they are left out as a gradient's are.
  [
    'a layout option, a filter, a legend item, a link and a metadata item field no format has and close to none',
    layer([{ techniqueID: 'T1059', score: 1, links: [{ label: 'rule', url: 'https://example.org/r', target: '_blank' }], metadata: [{ name: 'rule', value: 'r1', severity: 'high' }] }], {
      layout: { layout: 'side', expandedSubdomains: 'operating-systems' },
      filters: { platforms: ['Windows'], scope: 'ot' },
      legendItems: [{ label: 'seen', color: '#ff6666', order: 1 }],
    }),
    [
      ['/techniques/0/metadata/0/severity', /^"severity" is no metadata item field \(Navigator ignores it\); left out$/],
      ['/techniques/0/links/0/target', /^"target" is no link field \(Navigator ignores it\); left out$/],
      ['/layout/expandedSubdomains', /^"expandedSubdomains" is no layout field \(Navigator ignores it\); left out$/],
      ['/filters/scope', /^"scope" is no filters field \(Navigator ignores it\); left out$/],
      ['/legendItems/0/order', /^"order" is no legend item field \(Navigator ignores it\); left out$/],
    ],
  ],
  // A layer generator writing `"versions": {"attack": 14, "layer": 4.5}`: the schema wants text, Navigator reads the
  // release only from text (it opens the layer in its newest release) and the format number with String().
  [
    'versions written as numbers',
    layer([{ techniqueID: 'T1059', score: 1 }], { versions: { attack: 18, navigator: '5.1.0', layer: 4.5 } }),
    [
      ['/versions/attack', /^the number 18 read as the text "18" \(Navigator 5\.1 reads only text there: it opens the layer in its newest release, as one that states none\)$/],
      ['/versions/layer', /^the number 4\.5 read as the text "4\.5"$/],
    ],
  ],
  // Security Onion's Playbook writes `"hideDisabled": "false"`, `"showTacticRowBackground": "false"`,
  // `"selectTechniquesAcrossTactics": "true"`; a layer generator's template `"layout": {"showID": "false", "showName": "true"}`.
  // Navigator 5.1 keeps its default for a setting not written as its type or value (view-model.ts deserialize at
  // fa7a6017, layout-options.ts deserialize): the note says what it shows where the author meant otherwise.
  [
    'settings written otherwise than Navigator takes them, with the default it keeps',
    layer([{ techniqueID: 'T1059', score: 1 }], { hideDisabled: 'true', layout: { layout: 'Flat' } }),
    [
      ['/hideDisabled', /^"true" read as true \(Navigator 5\.1 takes only true or false there and keeps its default, false\)$/],
      ['/layout/layout', /^"Flat" read as "flat" \(Navigator 5\.1 takes only "side", "flat", "mini" as written there and keeps its default, "side"\)$/],
    ],
  ],
  [
    'settings written as text of their type',
    layer([{ techniqueID: 'T1059', color: '#5AADFF', enabled: 'true' }], {
      hideDisabled: 'false',
      showTacticRowBackground: 'false',
      selectTechniquesAcrossTactics: 'true',
      sorting: '3',
      layout: { layout: 'side', showID: 'false', showName: 'true' },
    }),
    [
      ['/techniques/0/enabled', /^"true" read as true$/],
      ['/sorting', /^"3" read as 3 \(Navigator 5\.1 takes only a number there and keeps its default, 0\)$/],
      ['/hideDisabled', /^"false" read as false$/],
      ['/showTacticRowBackground', /^"false" read as false$/],
      ['/selectTechniquesAcrossTactics', /^"true" read as true$/],
      ['/layout/showID', /^"false" read as false$/],
      ['/layout/showName', /^"true" read as true$/],
    ],
  ],
  [
    'settings that are none of their values',
    layer([{ techniqueID: 'T1059', score: 1 }], { hideDisabled: 'no', layout: { layout: 'compact', aggregateFunction: 'avg' } }),
    [
      ['/hideDisabled', /^"no" is not true or false; left out \(the default applies\)$/],
      ['/layout/layout', /^"compact" is not one of "side", "flat", "mini"; left out \(the default applies\)$/],
      ['/layout/aggregateFunction', /^"avg" is not one of "average", "min", "max", "sum"; left out \(the default applies\)$/],
    ],
  ],
  // Our own export names showing every sub-technique "expanded" (--subtechniques); a layer writes "all" for it.
  [
    "export's word for expanded sub-techniques",
    layer([{ techniqueID: 'T1059.001', score: 1 }], { layout: { expandedSubtechniques: 'expanded' } }),
    [
      [
        '/layout/expandedSubtechniques',
        /^"expanded" is not one of "none", "annotated", "all"; left out \(the default applies\); write "all" to show every sub-technique under its parent \("expanded" is `attack-layers export --subtechniques`' word for it\), or "annotated" for those of annotated ones$/,
      ],
    ],
  ],
  // Navigator's own test of the faults it reads past (tabs component spec, viewmodel_error_file1) writes
  // `"tacticRowBackground": false`; Navigator logs a type error and keeps its default.
  ['a tactic row background that is no text', layer([{ techniqueID: 'T1059', score: 1 }], { tacticRowBackground: false }), [['/tacticRowBackground', /^false is not a colour; removed$/]]],
  // Navigator's own test of the faults it reads past writes `"colors": [3, 4]` (it keeps its default colours).
  [
    'a gradient with fewer than two colours',
    layer([{ techniqueID: 'T1059', score: 1 }], { gradient: { colors: [3, 4], minValue: 0, maxValue: 10 } }),
    [
      ['/gradient/colors/0', /^3 is not a colour; left out$/],
      ['/gradient/colors/1', /^4 is not a colour; left out$/],
      ['/gradient/colors', /^no colour left, where a gradient needs two; set to \["#ff6666","#ffe766","#8ec843"\], the colours of Navigator's default gradient$/],
    ],
  ],
  // Navigator's default red-yellow-green would paint the top scores of a threat layer written in one red green;
  // white to the colour is the shape of Navigator 5.1's own one-colour presets (gradient.ts transparentred).
  [
    'a gradient of one colour, as white to that colour',
    layer([{ techniqueID: 'T1059', score: 1 }], { gradient: { colors: ['#ff0000'], minValue: 0, maxValue: 10 } }),
    [['/gradient/colors', /^one colour, "#ff0000", where a gradient needs two; set to \["#ffffff","#ff0000"\], white to that colour, .*so the top scores keep it$/]],
  ],
  [
    'a gradient of white alone, as Navigator\'s default (white to white paints no score)',
    layer([{ techniqueID: 'T1059', score: 1 }], { gradient: { colors: ['#FFFFFF'], minValue: 0, maxValue: 10 } }),
    [['/gradient/colors', /^one colour, "#FFFFFF", where a gradient needs two, and white to it would paint no score; set to \["#ff6666","#ffe766","#8ec843"\], the colours of Navigator's default gradient$/]],
  ],
  ['a legend item without a colour', layer([], { legendItems: [{ label: 'x' }] }), [['/legendItems/0', /has no colour; left out/]]],
  ['a link without a label', layer([{ techniqueID: 'T1059', score: 1, links: [{ url: 'https://example.org/r' }] }]), [['/techniques/0/links/0/label', /labelled with its URL/]]],
  ['format 2.x platform names', layer([], { filters: { platforms: ['windows', 'mac'] } }), [['/filters/platforms/0', /"windows" read as "Windows"/], ['/filters/platforms/1', /"mac" read as "macOS"/]]],
  // A README's layer (CyberBlue's custom-layer.json) writes "macos": Navigator maps only windows, linux, mac, android
  // and ios as written, and keeps "macos", which names no platform, so macOS is not selected.
  [
    'a platform name Navigator does not map',
    layer([], { filters: { platforms: ['linux', 'macos'] } }),
    [
      ['/filters/platforms/0', /^"linux" read as "Linux" \(as Navigator reads it\)$/],
      ['/filters/platforms/1', /^"macos" read as "macOS"; Navigator matches "macos" to no platform, so it does not show "macOS"'s techniques$/],
    ],
  ],
  // DeTT&CT's layers write `hideDisable`; a tool's own field is no field of any format (mitreattack-python refuses both).
  [
    'a misspelt layer field, and a field no format has',
    layer([{ techniqueID: 'T1059', score: 1 }], { hideDisable: false, 'x_tool/run': { id: 7 } }),
    [
      ['/hideDisable', /^"hideDisable" is no layer field \(Navigator ignores it\); read as hideDisabled$/],
      ['/x_tool~1run', /^"x_tool\/run" is no layer field \(Navigator ignores it\); left out$/],
    ],
  ],
  // Navigator 5.1 reads a setting only by its name (view-model.ts deserialize at fa7a6017: `'hideDisabled' in obj`;
  // layout-options.ts `'showID' in rep`): a misspelt one it ignores, keeping its default, which matters where the value
  // written is another (DeTT&CT's layers write "hideDisable": false, the default).
  [
    'a misspelt setting whose value is not Navigator\'s default, which Navigator keeps',
    layer([{ techniqueID: 'T1059', score: 1 }], { hideDisable: true, layout: { showIDs: true, showNames: true } }),
    [
      ['/hideDisable', /^"hideDisable" is no layer field \(Navigator ignores it and keeps its default, false\); read as hideDisabled$/],
      ['/layout/showIDs', /^"showIDs" is no layout field \(Navigator ignores it and keeps its default, false\); read as showID$/],
      ['/layout/showNames', /^"showNames" is no layout field \(Navigator ignores it\); read as showName$/],
    ],
  ],
  [
    'a field near a 4.5 field but of another type (no misspelling: it would make the layer invalid)',
    layer([{ techniqueID: 'T1059', score: 1 }], { filter: 'Windows', hideDisable: 'yes' }),
    [
      ['/filter', /^"filter" is no layer field \(Navigator ignores it\); left out$/],
      ['/hideDisable', /^"hideDisable" is no layer field \(Navigator ignores it\); left out$/],
    ],
  ],
  // A layer generator on GitHub writes `"version": {"attack": "8", "navigator": "4.0", "layer": "4.0"}` for `versions`.
  [
    'a "version" holding an object (versions misspelt)',
    { name: 'faults', version: { attack: '18', navigator: '4.0', layer: '4.0' }, domain: 'enterprise-attack', techniques: [{ techniqueID: 'T1059', score: 1 }] },
    [['/version', /^"version" holding an object is no layer field \(formats up to 4\.0 wrote the format's number there\); read as versions$/]],
  ],
  // The same Go layer library writes every unset field as null (a nil pointer or slice): filters, layout, gradient,
  // legendItems, metadata, links, and an entry's metadata and links.
  [
    'fields that are null',
    layer([{ techniqueID: 'T1059', score: 1, metadata: null, links: null }], { description: null, filters: null, legendItems: null, metadata: null }),
    [
      ['/techniques/0/metadata', /^null holds nothing; left out$/],
      ['/techniques/0/links', /^null holds nothing; left out$/],
      ['/description', /^null holds nothing; left out$/],
      ['/filters', /^null holds nothing; left out$/],
      ['/legendItems', /^null holds nothing; left out$/],
      ['/metadata', /^null holds nothing; left out$/],
    ],
  ],
  // The generator that writes `"version": {…}` above writes each entry's `"metadata": ""` (find_string id 24167431412);
  // Navigator 5.1 reads no item from empty text. A description of empty text is text, and stays.
  [
    'lists written as empty text',
    layer([{ techniqueID: 'T1069', tactic: 'discovery', score: 1, metadata: '', links: '' }], { description: '', legendItems: '', metadata: '', links: '' }),
    [
      ['/techniques/0/metadata', /^"" \(empty text where a list goes\) holds no item, as Navigator 5\.1 reads it; left out$/],
      ['/techniques/0/links', /^"" \(empty text where a list goes\) holds no item, as Navigator 5\.1 reads it; left out$/],
      ['/legendItems', /^"" \(empty text where a list goes\) holds no item, as Navigator 5\.1 reads it; left out$/],
      ['/metadata', /^"" \(empty text where a list goes\) holds no item, as Navigator 5\.1 reads it; left out$/],
      ['/links', /^"" \(empty text where a list goes\) holds no item, as Navigator 5\.1 reads it; left out$/],
    ],
  ],
  // A Go layer library writes `"customDataURL": ""` in every layer; Navigator 5.1 loads any layer holding it as custom data.
  [
    "a customDataURL on a layer of ATT&CK's own domain",
    layer([{ techniqueID: 'T1059', score: 1 }], { customDataURL: '' }),
    [['/customDataURL', /^"": a layer of "enterprise-attack" is drawn from Navigator's own ATT&CK releases, .*, and this one names none; left out$/]],
  ],
  // NetAttackAI's Navigator export (tools/mitre_export.py, find_string id 60871850697) writes its filters as a list of one
  // filters object; Navigator 5.1 reads `rep.platforms` of it (filter.ts), finds none and shows every platform.
  [
    'filters written as a list',
    layer([{ techniqueID: 'T1059', score: 2, comment: 'run_exploit_terminal (completed)', showID: true, showName: true }], { filters: [{ platforms: ['Linux', 'Windows', 'Network', 'PRE'] }] }),
    [['/filters', /^\[\{"platforms":\["Linux","Windows","Network","PRE"\]\}\] is a list, not a filters object: Navigator reads no platform filter from it and shows every platform; left out$/]],
  ],
  // Windows PowerShell's ConvertTo-Json writes the list a foreach filled with one item as that item: a Sentinel rules
  // converter (Convert-ExcelToMitreLayer, find_string id 25809469711) writes a workbook's one technique so.
  [
    'one technique entry written where the list goes',
    { ...layer([]), techniques: { techniqueID: 'T1078', score: 1, comment: 'Successful logon from IP and failure from a different IP', enabled: true } },
    [['/techniques', /^one technique entry written as itself, not in a list \(Windows PowerShell writes a list of one item so\); read as a list of it, \/techniques\/0$/]],
  ],
  // The same ConvertTo-Json writes any list a foreach filled with one item so: a metadata item, a link, a legend item or a
  // platform (the layout in our words, of that converter's kind; no published layer with them was found). Navigator 5.1
  // reads each with `for (… of …)` or `forEach` (view-model.ts, technique-vm.ts, filter.ts) and stops with an alert.
  [
    'one metadata item, link, legend item or platform written where the list goes',
    {
      ...layer([{ techniqueID: 'T1078', score: 2, metadata: { name: 'rule', value: 'Anomalous sign-in' }, links: { label: 'rule', url: 'https://example.org/rules/1' } }]),
      filters: { platforms: 'Windows' },
      legendItems: { label: 'Covered', color: '#66ff66' },
      metadata: { name: 'generated by', value: 'Export-SentinelLayer.ps1' },
      links: { label: 'workspace', url: 'https://example.org/workspace' },
    },
    [
      ['/metadata', /^one metadata item written as itself, not in a list \(Windows PowerShell writes a list of one item so\); read as a list of it, \/metadata\/0$/],
      ['/links', /^one link written as itself, .*; read as a list of it, \/links\/0$/],
      ['/legendItems', /^one legend item written as itself, .*; read as a list of it, \/legendItems\/0$/],
      ['/filters/platforms', /^one platform written as itself, .*; read as a list of it, \/filters\/platforms\/0$/],
      ['/techniques/0/metadata', /^one metadata item written as itself, .*; read as a list of it, \/techniques\/0\/metadata\/0$/],
      ['/techniques/0/links', /^one link written as itself, .*; read as a list of it, \/techniques\/0\/links\/0$/],
    ],
  ],
  // Navigator opens a layer without a name in a tab titled "loading layer..." (its tabs component, readJSONFile).
  ['a layer without a name', { ...layer([{ techniqueID: 'T1059', score: 1 }]), name: undefined }, [['/name', /^missing; set to "faults", the name of its file$/]]],
  ['a blank name', layer([{ techniqueID: 'T1059', score: 1 }], { name: '  ' }), [['/name', /^"  " is blank; set to "faults", the name of its file$/]]],
  // A case write-up's "MITRE Navigator Layer" block (find_string id 27502157733) states name, versions and techniques
  // only; Navigator 5.1 reads the domain as "undefined" and stops with an alert.
  [
    'a layer that states no domain',
    { ...layer([{ techniqueID: 'T1059', score: 1 }]), domain: undefined },
    [['/domain', /^missing; read as "enterprise-attack" \(write "domain": "mobile-attack" or "ics-attack" for a layer of those\)$/]],
  ],
  // A threat-intel extraction tool (find_string id 28212476623) and a detection coverage export (id 62770874523)
  // write ATT&CK's STIX name for the enterprise domain.
  [
    "a domain written as ATT&CK's STIX name for it",
    layer([{ techniqueID: 'T1059', score: 1 }], { domain: 'mitre-attack' }),
    [['/domain', /^"mitre-attack", ATT&CK's name for enterprise-attack in its STIX data, read as "enterprise-attack"$/]],
  ],
  // MITRE CAR's docs/car_attack/car_attack.json (mitre-attack/car at 0460ab43) states format 4.5 and "mitre-enterprise";
  // Navigator maps that name and "mitre-mobile" in a layer of any format (view-model.ts, domain_backwards_compatibility).
  [
    "a layer of format 4.5 that names its domain as format 3 did (MITRE CAR's car_attack.json)",
    layer([{ techniqueID: 'T1059', color: '#c6dbef' }], { domain: 'mitre-enterprise' }),
    [['/domain', /^"mitre-enterprise", the domain's name in layer formats before 4\.0, in a layer of format 4\.5; read as "enterprise-attack"$/]],
  ],
  // The ATT&CK website's layer builder labels each layer it offers by "domain": "enterprise" / "mobile" (find_string id
  // 16372701754), and people write the matrix's display name ("Enterprise ATT&CK"); Navigator knows neither.
  ...(
    [
      ['enterprise', 'enterprise-attack'],
      ['Enterprise ATT&CK', 'enterprise-attack'],
      ['MITRE Enterprise-ATTACK', 'enterprise-attack'],
    ] as const
  ).map(([stated, meant]): [string, Layer, Array<[string, RegExp]>] => [
    `a domain written by its short or display name (${stated})`,
    layer([{ techniqueID: 'T1059', score: 1 }], { domain: stated }),
    [['/domain', new RegExp(`^"${stated}" is not a domain name Navigator knows; read as "${meant}" \\(write "domain": "${meant}"\\)$`)]],
  ]),
  // A domain typed by hand one letter out, which `validate` said only `must be one of "enterprise-attack", …` of.
  [
    'a domain a typo away from one of ATT&CK\'s',
    layer([{ techniqueID: 'T1059', score: 1 }], { domain: 'enterprise-atack' }),
    [['/domain', /^"enterprise-atack" is no ATT&CK domain; read as "enterprise-attack", the one it misspells \(write "domain": "enterprise-attack"\)$/]],
  ],
  // ZeroTrustX's incident mapping export (find_string id 55535166592) writes the domain where the release goes.
  [
    'a release that holds no number',
    layer([{ techniqueID: 'T1059', score: 1 }], { versions: { attack: 'enterprise-attack', navigator: '4.9.0', layer: '4.5' } }),
    [['/versions/attack', /^"enterprise-attack" holds no release number; left out, so the layer is read in the newest release, as one that states none$/]],
  ],
  // sigma-cli writes "unknown" for STIX 2.0 data (../shared/NAVIGATOR.md), as a lab's layer export does for a bundle without a version (find_string id 59818498795).
  ['a release written as "unknown"', layer([{ techniqueID: 'T1059', score: 1 }], { versions: { attack: 'unknown', navigator: '4.8.0', layer: '4.5' } }), [['/versions/attack', /^"unknown" holds no release number; left out/]]],
  ['an empty release', layer([{ techniqueID: 'T1059', score: 1 }], { versions: { attack: '', navigator: '5.1.0', layer: '4.5' } }), [['/versions/attack', /^"" holds no release number; left out/]]],
  // The same block annotates tactics by their IDs where technique IDs go ("techniqueID": "TA0002").
  [
    "a tactic's ID where a technique's goes",
    layer([{ techniqueID: 'TA0002', color: '#66ff66', comment: 'Policy enforcement prevents unauthorized execution' }, { techniqueID: 'T1059', score: 1 }]),
    [['/techniques/0', /^techniqueID "TA0002" is a tactic's ID, not a technique's: a layer annotates techniques .*; the entry is left out: \{"techniqueID":"TA0002",/]],
  ],
];

describe('repairLayer', () => {
  let library: AttackLibrary;
  let attack: AttackIndex;
  before(() => {
    library = attackLibrary();
    attack = library.release('enterprise-attack');
  });

  for (const [label, value, expected] of FAULTS) {
    it(`repairs ${label}, one report line each, and upgrade writes a layer that validates`, () => {
      const before = JSON.stringify(value);
      const { repairs } = repairLayer(value, 'faults.json');
      expect(JSON.stringify(value), 'the input is left alone').to.equal(before);
      expect(repairs.map((r) => r.path)).to.deep.equal(expected.map(([path]) => path));
      repairs.forEach((r, i) => expect(r.repair).to.match(expected[i]![1]));

      const { layer: out, report, changes } = upgradeLayer(value, attack, { file: 'faults.json' });
      // An entry left out is a removed row of the report, not a repair; every other repair is reported as one, as
      // repaired only when it was (a part left out says so in its own line).
      expect(report.repairs).to.deep.equal(repairs.filter((r) => r.leftOut !== 'entry'));
      for (const r of repairs) {
        if (r.leftOut === 'entry') expect(report.techniques.find((t) => t.path === r.path)?.changes).to.deep.equal(['removed']);
        else if (r.leftOut) expect(changes).to.include(`${r.path}: ${r.repair}`).and.to.match(/; (left out|removed)/);
        else expect(changes).to.include(`${r.path}: ${r.repair} (repaired)`);
      }
      expect(isNavigatorLayer(out)).to.equal(true);
      expect(validateLayer(out, { attackFor: attackFor(library) })).to.deep.equal([]);
    });
  }

  it('reads format 3\'s "mitre-mobile" in a layer of a later format as mobile-attack, as Navigator does, and not "mitre-ics", which Navigator does not map', () => {
    const versions = { attack: '18', navigator: '5.1.0', layer: '4.3' };
    const mobile = repairLayer(layer([{ techniqueID: 'T1407', score: 1 }], { domain: 'mitre-mobile', versions }), 'faults.json');
    expect([mobile.layer['domain'], mobile.repairs.map((r) => [r.path, r.repair, r.navigatorTolerates])]).to.deep.equal([
      'mobile-attack',
      [['/domain', '"mitre-mobile", the domain\'s name in layer formats before 4.0, in a layer of format 4.3; read as "mobile-attack"', true]],
    ]);
    const ics = repairLayer(layer([{ techniqueID: 'T0800', score: 1 }], { domain: 'mitre-ics', versions }), 'faults.json');
    expect([ics.layer['domain'], ics.repairs]).to.deep.equal(['mitre-ics', []]);
  });

  it('reads a domain written by its short or display name in its domain (mobile, ICS), and no other name as a domain', () => {
    for (const [stated, meant] of [
      ['mobile', 'mobile-attack'],
      ['Mobile ATT&CK', 'mobile-attack'],
      ['ics', 'ics-attack'],
      ['ICS-ATTACK', 'ics-attack'],
    ]) {
      const { layer: out, repairs } = repairLayer(layer([{ techniqueID: 'T1059', score: 1 }], { domain: stated }), 'faults.json');
      expect(out['domain'], stated).to.equal(meant);
      expect(repairs.map((r) => [r.path, r.navigatorAlert !== undefined]), stated).to.deep.equal([['/domain', true]]);
      expect(upgradeReleases(layer([], { domain: stated }), library).target.domain, stated).to.equal(meant);
    }
    // Two domains, another matrix, PRE-ATT&CK (refused on its own), and a name Navigator knows are no short name.
    for (const stated of ['enterprise and mobile', 'atlas', 'pre-attack', 'enterprise-attack', 'mitre-enterprise']) {
      const { repairs } = repairLayer(layer([{ techniqueID: 'T1059', score: 1 }], { domain: stated }), 'faults.json');
      expect(repairs.filter((r) => r.path === '/domain' && / is not a domain name Navigator knows/.test(r.repair)), stated).to.deep.equal([]);
    }
  });

  it('reads a domain a typo or two from one of ATT&CK\'s as that one, and a name further from each as none', () => {
    for (const [stated, meant] of [
      ['Enterprise_Atack', 'enterprise-attack'],
      ['mobile-atack', 'mobile-attack'],
      ['ics-attak', 'ics-attack'],
    ]) {
      const { layer: out, repairs } = repairLayer(layer([], { domain: stated }), 'faults.json');
      expect(out['domain'], stated).to.equal(meant);
      expect(repairs.map((r) => [r.path, r.navigatorAlert !== undefined]), stated).to.deep.equal([['/domain', true]]);
      expect(upgradeReleases(layer([], { domain: stated }), library).target.domain, stated).to.equal(meant);
    }
    for (const stated of ['windows', 'atlas', 'ics-atk', 'enterprise and mobile']) {
      const { layer: out } = repairLayer(layer([{ techniqueID: 'T1059', score: 1 }], { domain: stated }), 'faults.json');
      expect(out['domain'], stated).to.equal(stated);
    }
  });

  // CTID's security-stack-mappings (Azure/layers/AzureVPN.json: score_num, score_display, category), SUDARSHAN's
  // MitreMapper (techniqueName), NetAttackAI (an entry's showID, showName) and mitreattack-python's test layers
  // (aggregateScore) write fields of their own on purpose: none is close to one field only, so each stays as written.
  it("reads a misspelt field as its field and keeps the fields generators write on purpose (CTID's score_num and category, techniqueName) as written", () => {
    const entries = [
      { techniqueID: 'T1040', score: 50, colour: '#aeeeee', comment: 'Network Sniffing', score_num: 50, score_display: 'Partial', category: 'Protect' },
      { techniqueID: 'T1417.001', techniqueName: 'Input Capture: GUI', tactic: 'collection', score: 100 },
      { techniqueID: 'T1059', score: 1, showID: true, showName: true, aggregateScore: 2 },
      // Beside the field it misspells, or holding what that field would not take: left where it is, nothing lost.
      { techniqueID: 'T1003', score: 1, Score: 2, colour: 'pale' },
    ];
    const { layer: repaired, repairs } = repairLayer(layer(entries));
    expect(repairs.map((r) => r.path)).to.deep.equal(['/techniques/0/colour']);
    const { colour, ...rest } = entries[0]!;
    expect(repaired['techniques']).to.deep.equal([{ ...rest, color: colour }, ...entries.slice(1)]);
  });

  it('keeps what a later rule leaves out of a misspelt field, at the field as written (a nameless item of "Metadata")', () => {
    const { repairs } = repairLayer(layer([{ techniqueID: 'T1059', score: 1, Metadata: [{ value: 'loader' }, { name: 'source', value: 'report' }] }]));
    expect(repairs.map(({ path, leftOut, held }) => ({ path, leftOut, held }))).to.deep.equal([
      { path: '/techniques/0/Metadata', leftOut: undefined, held: undefined },
      { path: '/techniques/0/Metadata/0', leftOut: 'part', held: { value: 'loader' } },
    ]);
  });

  it('writes a metadata item written as a record of its own fields as an item per field, each record after a divider, and keeps nothing of it off the technique', () => {
    const records = [
      { artifacts: 1, declared: true, detections: 2, module_path: 'exploits/http/example_rce' },
      { module_path: 'exploits/http/example_sqli', declared: false, detections: 0, extra: { cve: 'CVE-0000-0001' } },
    ];
    const value = layer([{ techniqueID: 'T1190', score: 4, metadata: [{ name: 'source', value: 'scan' }, ...records] }]);
    const out = upgradeLayer(value, attack, { file: 'faults.json' }).layer as NavigatorLayer;
    expect(out.techniques!.find((t) => t.techniqueID === 'T1190')!.metadata).to.deep.equal([
      { name: 'source', value: 'scan' },
      { divider: true },
      { name: 'artifacts', value: '1' },
      { name: 'declared', value: 'true' },
      { name: 'detections', value: '2' },
      { name: 'module_path', value: 'exploits/http/example_rce' },
      { divider: true },
      { name: 'module_path', value: 'exploits/http/example_sqli' },
      { name: 'declared', value: 'false' },
      { name: 'detections', value: '0' },
      { name: 'extra', value: '{"cve":"CVE-0000-0001"}' },
    ]);
    expect(out.metadata ?? [], 'nothing kept as removed').to.deep.equal([]);
    // Navigator 5.1 shows nothing of such an item (Metadata.valid): validate makes it an error, once per item.
    const findings = validateLayer(value, { attackFor: attackFor(library) }).filter((f) => f.path.includes('/metadata/'));
    expect(findings.map((f) => [f.severity, f.path])).to.deep.equal([
      ['error', '/techniques/0/metadata/1'],
      ['error', '/techniques/0/metadata/2'],
    ]);
    expect(findings[0]!.message).to.match(/Navigator 5\.1 shows no metadata item without a name and a value \(Metadata\.valid\), so nothing of this one; `upgradeLayer` writes it repaired/);
    // The record written where the list goes is read as the list of its fields, on an entry and on the layer.
    const dict = upgradeLayer(layer([{ techniqueID: 'T1190', score: 4, metadata: records[0] }], { metadata: { author: 'red team' } }), attack, { file: 'faults.json' }).layer as NavigatorLayer;
    expect(dict.techniques![0]!.metadata).to.deep.equal(out.techniques!.find((t) => t.techniqueID === 'T1190')!.metadata!.slice(2, 6));
    expect(dict.metadata).to.deep.equal([{ name: 'author', value: 'red team' }]);
    // A nameless item with a value, or fields misspelling name and value, are read as before.
    const { repairs } = repairLayer(layer([{ techniqueID: 'T1059', score: 1, metadata: [{ value: 'x', source: 'y' }, { Name: 'rule', Value: 'r1' }] }]));
    expect(repairs.map((r) => r.path)).to.deep.equal(['/techniques/0/metadata/0/source', '/techniques/0/metadata/0', '/techniques/0/metadata/1/Name', '/techniques/0/metadata/1/Value']);
  });

  it('keeps a metadata item and a link that carry "divider": false as Navigator 5.1 shows them, with their name and value, label and URL', () => {
    const divided = { name: 'source', value: 'report A', divider: false };
    const value = layer([{ techniqueID: 'T1059', score: 1, metadata: [divided, { divider: true }], links: [{ label: 'report', url: 'https://example.org/r', divider: false }] }], {
      metadata: [{ name: 'owner', value: 'CTI team', divider: true }],
    });
    const out = upgradeLayer(value, attack, { file: 'faults.json' }).layer as NavigatorLayer;
    const entry = out.techniques!.find((t) => t.techniqueID === 'T1059')!;
    expect(entry.metadata).to.deep.equal([{ name: 'source', value: 'report A' }, { divider: true }]);
    expect(entry.links).to.deep.equal([{ label: 'report', url: 'https://example.org/r' }]);
    expect(out.metadata?.[0]).to.deep.equal({ name: 'owner', value: 'CTI team' });
  });

  it('keeps a tactic written in words run together (DefenseEvasion) on that tactic only, not on every tactic of T1078', () => {
    const { layer: out } = upgradeLayer(layer([{ techniqueID: 'T1078', tactic: 'DefenseEvasion', score: 3 }]), attack, { file: 'faults.json' });
    expect((out as NavigatorLayer).techniques?.map((t) => [t.techniqueID, t.tactic, t.score])).to.deep.equal([['T1078', 'defense-evasion', 3]]);
  });

  it('validate says that Navigator fails at a null object or list field of the layer, and only repairs a null text or entry field', () => {
    const value = layer([{ techniqueID: 'T1059', score: 1, links: null }], { description: null, gradient: null });
    expect(validateLayer(value, { attackFor: attackFor(library) }).map((f) => [f.severity, f.code, f.path])).to.deep.equal([
      ['warning', 'repaired', '/techniques/0/links'],
      ['warning', 'repaired', '/description'],
      ['error', 'navigator-alert', '/gradient'],
    ]);
  });

  it('validate says Navigator stops at a metadata item, link, legend item or platform written where its list goes, and upgrade keeps each in a list', () => {
    const value = {
      ...layer([{ techniqueID: 'T1078', score: 2, metadata: { name: 'rule', value: 'Anomalous sign-in' } }]),
      filters: { platforms: 'Windows' },
      legendItems: { label: 'Covered', color: '#66ff66' },
    };
    expect(validateLayer(value, { attackFor: attackFor(library) }).map((f) => [f.severity, f.code, f.path])).to.deep.equal([
      ['error', 'navigator-alert', '/legendItems'],
      ['error', 'navigator-alert', '/filters/platforms'],
      ['error', 'navigator-alert', '/techniques/0/metadata'],
    ]);
    const out = upgradeLayer(value, attack, { file: 'sentinel.json' }).layer as NavigatorLayer;
    expect([out.filters?.platforms, out.legendItems, out.techniques?.[0]?.metadata]).to.deep.equal([
      ['Windows'],
      [{ label: 'Covered', color: '#66ff66' }],
      [{ name: 'rule', value: 'Anomalous sign-in' }],
    ]);
  });

  it('reads a layer that states no domain as enterprise-attack in every command, and validate says Navigator stops at it with an alert', async () => {
    // Shaped as a case write-up's "MITRE Navigator Layer" block (find_string id 27502157733): no domain, no format number.
    const value = { name: 'Case-005', versions: { attack: '13', navigator: '4.9.1' }, techniques: [{ techniqueID: 'T1086', color: '#66ff66', comment: 'blocked' }] };
    const findings = validateLayer(value, { attackFor: attackFor(library) });
    expect(findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.path])).to.deep.equal([
      ['navigator-alert', '/domain'],
      ['old-format', '/versions/layer'],
      ['revoked-technique', '/techniques/0'],
    ]);
    expect(findings[0]?.message).to.contain('Navigator 5.1 reads the domain as "undefined"').and.to.contain('(`upgradeLayer` writes it repaired)');
    // upgrade said "the layer is for undefined but the ATT&CK data given is enterprise-attack 18.1"; combine refused it.
    const dir = freshTmpDir('no-domain');
    writeFileSync(join(dir, 'case.json'), JSON.stringify(value));
    const upgraded = await runCli(['upgrade', join(dir, 'case.json'), '--out', join(dir, 'up.json')]);
    expect(upgraded.code, upgraded.stderr).to.equal(0);
    const written = JSON.parse(readFileSync(join(dir, 'up.json'), 'utf8')) as NavigatorLayer;
    expect([written.domain, written.techniques?.map((t) => [t.techniqueID, t.comment])]).to.deep.equal(['enterprise-attack', [['T1059.001', 'blocked']]]);
    expect(validateLayer(written, { attackFor: attackFor(library) })).to.deep.equal([]);
    const combined = await runCli(['combine', join(dir, 'case.json'), join(dir, 'up.json'), '--op', 'max', '--out', join(dir, 'combined.json')]);
    expect(combined.code, combined.stderr).to.equal(0);
    expect(combined.stderr).to.contain('/domain: missing; read as "enterprise-attack"');
  });

  it("reads a domain written as ATT&CK's STIX name for it in upgrade and gap, and validate says Navigator stops at it", async () => {
    // Shaped as a threat-intel extraction tool writes it (find_string id 28212476623); mitre-mobile-attack likewise.
    const value = layer([{ techniqueID: 'T1086', tactic: 'execution', score: 50 }], { domain: 'mitre-attack', versions: { attack: '14', navigator: '4.8.2', layer: '4.4' } });
    const findings = validateLayer(value, { attackFor: attackFor(library) });
    expect(findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.path])).to.deep.equal([
      ['navigator-alert', '/domain'],
      ['revoked-technique', '/techniques/0'],
    ]);
    expect(findings[0]?.message).to.contain('Navigator 5.1 knows no domain "mitre-attack"');
    // upgrade and gap said '/domain: "mitre-attack" is not an ATT&CK domain'.
    const dir = freshTmpDir('stix-domain');
    writeFileSync(join(dir, 'chain.json'), JSON.stringify(value));
    const upgraded = await runCli(['upgrade', join(dir, 'chain.json'), '--out', join(dir, 'up.json')]);
    expect(upgraded.code, upgraded.stderr).to.equal(0);
    const written = JSON.parse(readFileSync(join(dir, 'up.json'), 'utf8')) as NavigatorLayer;
    expect([written.domain, written.techniques?.map((t) => t.techniqueID)]).to.deep.equal(['enterprise-attack', ['T1059.001']]);
    const gap = await runCli(['gap', '--threat', join(dir, 'chain.json'), '--coverage', join(dir, 'up.json'), '--out', join(dir, 'gap')]);
    expect(gap.code, gap.stderr).to.equal(0);
    expect(upgradeReleases({ ...value, domain: 'mitre-mobile-attack' }, library).target.domain).to.equal('mobile-attack');
  });

  it('says of a layer stating format 4.5 under the old "version" key that it moved, not that it was upgraded "from layer format 4.5"', async () => {
    // A detection coverage export writes "version": "4.5" (find_string id 62770874523).
    const dir = freshTmpDir('version-key');
    writeFileSync(join(dir, 'twin.json'), JSON.stringify({ version: '4.5', name: 'twin', domain: 'enterprise-attack', techniques: [{ techniqueID: 'T1110', score: 100 }] }));
    const run = await runCli(['combine', join(dir, 'twin.json'), join(dir, 'twin.json'), '--op', 'max', '--out', join(dir, 'out.json')]);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stderr).to.contain('twin.json: upgraded to layer format 4.5 and ATT&CK enterprise-attack 18.1:');
    expect(run.stderr).to.contain('/version: format 4.5 was stated under the old `version` key; moved to `versions.layer`');
  });

  it('upgrades a threat layer of one red so that its top score is painted red, not the default gradient\'s green', () => {
    // Before: ["#ff6666","#ffe766","#8ec843"], which paints a score of 100 green (#8ec843).
    const threat = layer([{ techniqueID: 'T1059', score: 100 }, { techniqueID: 'T1566', score: 10 }], { gradient: { colors: ['#ff0000'], minValue: 0, maxValue: 100 } });
    const { layer: out } = upgradeLayer(threat, attack, { file: 'threat.json' });
    expect(out.gradient).to.deep.equal({ colors: ['#ffffff', '#ff0000'], minValue: 0, maxValue: 100 });
    expect(gradientColor(out.gradient!, 100)).to.equal('#ff0000');
  });

  it('reads a release that holds no number as none: validate says Navigator stops at text without one, and combine reads the layer', async () => {
    // Shaped as ZeroTrustX's incident mapping export writes it (find_string id 55535166592).
    const value = layer([{ techniqueID: 'T1086', tactic: 'execution', score: 80, comment: 'PowerShell download cradle' }], { versions: { attack: 'enterprise-attack', navigator: '4.9.0', layer: '4.5' } });
    const findings = validateLayer(value, { attackFor: attackFor(library) });
    expect(findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.path])).to.deep.equal([
      ['navigator-alert', '/versions/attack'],
      ['revoked-technique', '/techniques/0'],
    ]);
    expect(findings[0]?.message).to.contain('Navigator 5.1 finds no number in it').and.to.contain('"ERROR parsing layer');
    // An empty release Navigator reads as its newest: a warning, not an error.
    const empty = validateLayer(layer([{ techniqueID: 'T1059', score: 1 }], { versions: { attack: '', navigator: '5.1.0', layer: '4.5' } }), { attackFor: attackFor(library) });
    expect(empty.map((f) => [f.severity, f.code, f.path])).to.deep.equal([['warning', 'repaired', '/versions/attack']]);
    expect(empty[0]?.message).to.contain('Navigator tolerates this');
    // combine refused the layer ('/versions/attack: must match pattern …').
    const dir = freshTmpDir('attack-no-number');
    writeFileSync(join(dir, 'z.json'), JSON.stringify(value));
    const run = await runCli(['combine', join(dir, 'z.json'), join(dir, 'z.json'), '--op', 'max', '--out', join(dir, 'out.json')]);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stderr).to.contain('z.json: upgraded to layer format 4.5 and ATT&CK enterprise-attack 18.1:');
    const written = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as NavigatorLayer;
    expect(written.techniques?.map((t) => [t.techniqueID, t.score])).to.deep.equal([['T1059.001', 80]]);
  });

  it('reads the release a "version" holding an object states, as the repair reads it (ATT&CK 8: T1086 matched in 8.2)', () => {
    const value = { name: 'v', version: { attack: '8', navigator: '4.0', layer: '4.0' }, domain: 'enterprise-attack', techniques: [{ techniqueID: 'T1086', score: 1 }] };
    const releases = upgradeReleases(value, library);
    expect(releases.source?.label).to.equal('enterprise-attack 8.2');
    const { report } = upgradeLayer(value, releases.target, { source: releases.source! });
    expect([report.from, report.techniques[0]?.to.map((to) => to.techniqueID)]).to.deep.equal([
      { format: '4.0', attack: '8', matchedIn: 'enterprise-attack 8.2' },
      ['T1059.001'],
    ]);
    const findings = validateLayer(value, { attackFor: attackFor(library) });
    // Checked against ATT&CK 8.2, the release the layer states: T1086 was revoked by then.
    expect(findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.path])).to.deep.equal([
      ['navigator-alert', '/version'],
      ['revoked-technique', '/techniques/0'],
    ]);
    expect(findings[0]?.message).to.contain('Navigator 5.1 reads it as a format number, "[object Object]", and opens the layer only after an "Outdated Layer" warning');
  });

  it('reads a release written as a number ("attack": 14) as that text: validate checks the layer in ATT&CK 14.1, and what combine writes states its release as text', async () => {
    const value = { name: 'n', versions: { attack: 14, navigator: '4.9.1', layer: '4.5' }, domain: 'enterprise-attack', techniques: [{ techniqueID: 'T1059.001', score: 1 }] };
    expect(upgradeReleases(value, library).source?.label).to.equal('enterprise-attack 14.1');
    const findings = validateLayer(value, { attackFor: attackFor(library) });
    expect(findings.filter((f) => f.code === 'repaired' || f.severity === 'error').map((f) => [f.severity, f.code, f.path])).to.deep.equal([['warning', 'repaired', '/versions/attack']]);
    // combine refused it ("/versions/attack: must be string"); it reads it repaired, says so, and writes text.
    const dir = freshTmpDir('attack-number');
    writeFileSync(join(dir, 'n.json'), JSON.stringify(value));
    const run = await runCli(['combine', join(dir, 'n.json'), join(dir, 'n.json'), '--op', 'max', '--out', join(dir, 'out.json')]);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stderr).to.contain('/versions/attack: the number 14 read as the text "14"');
    const written = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as { versions: { attack: unknown } };
    expect(written.versions.attack).to.equal('18');
    expect(validateLayer(written, { attackFor: attackFor(library) }).filter((f) => f.severity === 'error')).to.deep.equal([]);
  });

  it('splits a tactic list into one entry per tactic of the technique, and leaves out, with a message, a part that is none (find_string id 54103477155: "Persistence, Defense Evasion")', () => {
    const value = layer([{ techniqueID: 'T1078', tactic: 'Persistence, Defense Evasion, Foo Bar, N/A', score: 2, comment: 'valid accounts' }]);
    const { layer: repaired, repairs, entryOrigins } = repairLayer(value, 'list.json');
    expect(repairs.map((r) => [r.path, r.repair])).to.deep.equal([
      ['/techniques/0/tactic', '"N/A" in the list "Persistence, Defense Evasion, Foo Bar, N/A" is not a tactic; that part left out (name a tactic of the technique there)'],
      ['/techniques/0/tactic', '"Persistence, Defense Evasion, Foo Bar, N/A" is a list of tactics; read as one entry under each: persistence, defense-evasion, foo-bar (write one entry per tactic)'],
    ]);
    expect(entryOrigins).to.deep.equal([0, 0, 0]);
    expect((repaired['techniques'] as Layer[]).map((t) => t['tactic'])).to.deep.equal(['persistence', 'defense-evasion', 'foo-bar']);
    // Foo Bar is no tactic of T1078: that part is left out, not moved to every tactic of the technique.
    const { layer: out, report } = upgradeLayer(value, attack, { file: 'list.json' });
    expect((out.techniques ?? []).map((t) => [t.techniqueID, t.tactic, t.score, t.comment])).to.deep.equal([
      ['T1078', 'defense-evasion', 2, 'valid accounts'],
      ['T1078', 'persistence', 2, 'valid accounts'],
    ]);
    expect(report.techniques.flatMap((t) => t.notes)).to.include(
      'T1078 (Valid Accounts) is not under foo-bar in enterprise-attack 18.1; that part of the tactic list left out (removed), the annotation kept under persistence, defense-evasion',
    );
    expect(validateLayer(out, { attackFor: attackFor(library) })).to.deep.equal([]);
    // The summary counts the one entry of the input once, as kept: a part of its list left out is not the entry removed.
    expect(countChanges(report.techniques)).to.deep.include({ kept: 1, removed: 0, 'moved-tactic': 0 });
  });

  it('splits tactics joined by "/" or "and" only into tactics of some domain: Command and Control and N/A stay whole, a tactic joined to no tactic is removed', () => {
    const value = layer([
      { techniqueID: 'T1078', tactic: 'Defense Evasion/Persistence', score: 2, comment: 'valid accounts' },
      { techniqueID: 'T1071.001', tactic: 'Command and Control', score: 1 },
      { techniqueID: 'T1059', tactic: 'N/A', score: 1 },
      { techniqueID: 'T1036', tactic: 'Defense Evasion and Foo', score: 1 },
      { techniqueID: 'T1565.001', tactic: 'Impact/Stealth', score: 3 },
    ]);
    const { layer: repaired, repairs } = repairLayer(value, 'joined.json');
    expect(repairs.map((r) => [r.path, r.repair])).to.deep.equal([
      ['/techniques/0/tactic', '"Defense Evasion/Persistence" is a list of tactics; read as one entry under each: defense-evasion, persistence (write one entry per tactic)'],
      ['/techniques/1/tactic', '"Command and Control" read as command-and-control'],
      ['/techniques/2/tactic', '"N/A" is not a tactic; the entry is left out: {"techniqueID":"T1059","tactic":"N/A","score":1}'],
      ['/techniques/3/tactic', '"Defense Evasion and Foo" is not a tactic, nor a list of them: only a part of it is one (defense-evasion); removed (the annotation applies under every tactic; write one entry per tactic)'],
      ['/techniques/4/tactic', '"Impact/Stealth" is a list of tactics; read as one entry under each: impact, stealth (write one entry per tactic)'],
    ]);
    expect((repaired['techniques'] as Layer[]).map((t) => [t['techniqueID'], t['tactic']])).to.deep.equal([
      ['T1078', 'defense-evasion'],
      ['T1078', 'persistence'],
      ['T1071.001', 'command-and-control'],
      ['T1036', undefined],
      ['T1565.001', 'impact'],
      ['T1565.001', 'stealth'],
    ]);
    // Upgrade keeps the annotation under both tactics, and the part of a list that ATT&CK 18 does not have is left out.
    const { layer: out } = upgradeLayer(value, attack, { file: 'joined.json' });
    expect((out.techniques ?? []).filter((t) => ['T1078', 'T1565.001'].includes(t.techniqueID)).map((t) => [t.techniqueID, t.tactic, t.score, t.comment])).to.deep.equal([
      ['T1078', 'defense-evasion', 2, 'valid accounts'],
      ['T1078', 'persistence', 2, 'valid accounts'],
      ['T1565.001', 'impact', 3, undefined],
    ]);
  });

  it('keeps report paths pointing into the layer as read when entries before them are left out', () => {
    const { report } = upgradeLayer(layer([{}, 'junk', { techniqueID: 'T1086', score: 5 }]), attack);
    expect(report.techniques.map((t) => [t.path, t.techniqueID, t.to.map((to) => to.techniqueID)])).to.deep.equal([
      ['/techniques/0', '', []],
      ['/techniques/1', '', []],
      ['/techniques/2', 'T1086', ['T1059.001']],
    ]);
  });

  it('counts every entry it leaves out as removed and keeps what the analyst wrote in "removed by upgrade", as for deprecated ones', () => {
    const written = { techniqueID: 'PRE-T1156', score: 2, color: '#fcf26b', comment: 'Stage Capabilities', metadata: [{ name: 'by', value: 'A' }], links: [{ label: 'r', url: 'https://example.org/r' }] };
    const entries = [
      written,
      { comment: 'no ID', score: 1 },
      { techniqueID: 'T1059', tactic: 42, comment: 'bad tactic' },
      {},
      'junk',
      { techniqueID: 'T1064', comment: 'deprecated' },
      { techniqueID: 'T1059', score: 3 },
    ];
    const { layer: out, report, changes } = upgradeLayer(layer(entries), attack, { file: 'left-out.json' });
    // One row per input entry, in input order: every entry is counted.
    expect(report.techniques.map((t) => [t.path, t.changes])).to.deep.equal(entries.map((_, i) => [`/techniques/${i}`, i === 6 ? [] : ['removed']]));
    expect(report.counts).to.deep.include({ kept: 1, removed: 6 });
    expect(report.repairs).to.deep.equal([]);
    expect(report.techniques[0]?.notes[0]).to.match(/^techniqueID "PRE-T1156" is a PRE-ATT&CK ID, of no ATT&CK domain since ATT&CK 8 .*; removed$/);
    expect(changes).to.include('/techniques/1: no techniqueID; removed');
    const kept = (out.metadata ?? []).flatMap((item) => ('name' in item && item.name === REMOVED_METADATA_NAME ? [item.value] : []));
    // The deprecated entry and the three that held something; {} and "junk" hold no annotation to keep.
    expect(kept.map((value) => /The entry was: (.*)$/.exec(value)?.[1])).to.deep.equal([0, 1, 2, 5].map((i) => JSON.stringify(entries[i])));
    expect(kept[0]).to.match(/^\/techniques\/0: techniqueID "PRE-T1156" is a PRE-ATT&CK ID/);
    expect(validateLayer(out, { attackFor: attackFor(library) })).to.deep.equal([]);
  });

  it('validate says what upgrade does with an entry it leaves out', () => {
    const findings = validateLayer(layer([{ techniqueID: 'PRE-T1174', comment: 'x' }, {}]), { attackFor: attackFor(library) });
    expect(findings.map((f) => [f.path, f.message.replace(/^.*\(([^()]*)\)$/, '$1')])).to.deep.equal([
      ['/techniques/0', 'Navigator shows nothing of it; `upgradeLayer` leaves it out and keeps it, as it was, in the layer\'s "removed by upgrade" metadata'],
      ['/techniques/1', 'Navigator tolerates this; `upgradeLayer` leaves it out'],
    ]);
  });

  it('validate makes an entry written where the list goes an error, as Navigator opens the layer with no entry, and upgrade and gap read the entry', async () => {
    const value = { ...layer([]), techniques: { techniqueID: 'T1078', score: 1, comment: 'Successful logon from IP and failure from a different IP', enabled: true } };
    expect(validateLayer(value, { attackFor: attackFor(library) }).map((f) => [f.severity, f.code, f.path, f.message])).to.deep.equal([
      [
        'error',
        'repaired',
        '/techniques',
        '/techniques: one technique entry written as itself, not in a list (Windows PowerShell writes a list of one item so); read as a list of it, /techniques/0 ' +
          '(Navigator 5.1 reads no entry from it (it counts the entries of a list) and opens the layer with none; `upgradeLayer` writes it repaired)',
      ],
    ]);
    expect(upgradeLayer(value, attack, { file: 'sentinel.json' }).layer.techniques).to.deep.equal([
      { techniqueID: 'T1078', score: 1, comment: 'Successful logon from IP and failure from a different IP', enabled: true },
    ]);
    const file = join(freshTmpDir('one-entry'), 'sentinel_rules_enabled.json');
    writeFileSync(file, `\uFEFF${JSON.stringify(value, null, 4)}`);
    const gap = await runCli(['gap', '--threat', file, '--coverage', 'test/fixtures/coverage/detections/detections.csv', '--out', join(freshTmpDir('one-entry-gap'), 'out'), '--report', 'json']);
    expect(gap.stderr).to.match(/1 threat technique, 1 gap; threat \S+sentinel_rules_enabled\.json: 1 entry read, 0 ignored, 0 invalid/);
  });

  it('validate says of each repair what upgrade writes (repaired, or left out), and that Navigator tolerates it only where NAVIGATOR.md says so', () => {
    const value = layer(
      [{ techniqueID: 'T1059', score: 1, color: '##ffffff', metadata: [{ name: 'analyst' }, { value: 'orphan' }], links: [{ url: 'https://example.org/r' }, { label: 'no url' }] }],
      {
        metadata: [{ name: 'source' }, { value: 'no name' }],
        links: [{ label: 'nowhere', url: 'example.org' }],
        legendItems: [{ label: 'seen', color: '#ff0000 ' }, { label: 'no colour' }],
        gradient: { colors: ['#ffffff', '#ff6666', 'nope'], minValue: 0, maxValue: 1 },
      },
    );
    const said = validateLayer(value, { attackFor: attackFor(library) }).map((f) => [f.path, /\(([^()]*)\)$/.exec(f.message)?.[1]] as const);
    const { layer: out } = upgradeLayer(value, attack, { file: 'said.json' });
    const at = (root: unknown, path: string): unknown => path.split('/').slice(1).reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);
    // The layer's own items, without the "removed by upgrade" items (and their divider) the upgrade appends.
    const own = (items: unknown): unknown[] =>
      (items as Array<Record<string, unknown>>).filter((item) => item['name'] !== REMOVED_METADATA_NAME && item['divider'] !== true);
    // The repairs before a left-out sibling keep their index, so a repaired value is where it was read.
    const leavesOut = (what: string | undefined): boolean => /leaves it out( and keeps it, as it was, in the layer's "removed by upgrade" metadata)?$/.test(what ?? '');
    const parentOf = (path: string): string => path.replace(/\/[^/]+$/, '');
    for (const [path, what] of said) {
      const parentPath = parentOf(path);
      if (leavesOut(what)) {
        const left = said.filter(([other, how]) => leavesOut(how) && parentOf(other) === parentPath).length;
        expect(at(out, parentPath), `${path}: ${what}`).to.be.an('array').that.does.not.deep.include(at(value, path));
        expect(own(at(out, parentPath)).length, path).to.equal((at(value, parentPath) as unknown[]).length - left);
      } else {
        expect(what, path).to.match(/writes it repaired$/);
        expect(at(out, path), path).to.be.a('string').and.not.equal(at(value, path));
      }
    }
    expect(said.filter(([, what]) => what?.startsWith('Navigator tolerates this;')).map(([path]) => path)).to.deep.equal([
      '/techniques/0/metadata/0',
      '/legendItems/0/color',
      '/metadata/0',
    ]);
    // Every fault of the layer is said once: the metadata items, links, legend item and colour left out among them.
    expect(said.map(([path]) => path)).to.have.members([
      '/techniques/0/color',
      '/techniques/0/metadata/0',
      '/techniques/0/metadata/1',
      '/techniques/0/links/0/label',
      '/techniques/0/links/1',
      '/gradient/colors/2',
      '/legendItems/0/color',
      '/legendItems/1',
      '/metadata/0',
      '/metadata/1',
      '/links/0',
    ]);
  });

  it('keeps what a part left out held (a nameless metadata item\'s value, a link\'s label, a legend item\'s label, a bad value) in "removed by upgrade", with its pointer; validate says so', async () => {
    const value = layer(
      [
        { techniqueID: 'T1059', score: 'high', comment: null, metadata: [{ value: 'seen by J.' }, {}], links: [{ label: 'the report' }, { url: '' }] },
        // A deprecated technique: its entry is kept whole, so its nameless item is not kept twice.
        { techniqueID: 'T1064', metadata: [{ value: 'in the entry' }] },
      ],
      {
        metadata: [{ name: 'source', value: 'CTI' }, { value: 'no name' }, { name: '', value: null }],
        links: [{ label: 'nowhere', url: 'example.org' }],
        legendItems: [{ label: 'high confidence' }, { color: null }],
        gradient: { colors: ['#ffffff', 'nope', '#ff6666'], minValue: 0, maxValue: 1 },
      },
    );
    // Each part left out that held something the analyst wrote, by pointer into the layer as read; {}, a link with an
    // empty URL and nothing else, null, an item of an empty name and a null value hold nothing.
    const held = ['/techniques/0/score', '/techniques/0/metadata/0', '/techniques/0/links/0', '/gradient/colors/1', '/legendItems/0', '/metadata/1', '/links/0'];
    const at = (root: unknown, path: string): unknown => path.split('/').slice(1).reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);

    const dir = freshTmpDir('kept-parts');
    const file = join(dir, 'parts.json');
    writeFileSync(file, JSON.stringify(value));
    const out = join(dir, 'parts.v18.json');
    const run = await runCli(['upgrade', file, '--out', out]);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stderr).to.contain(`/metadata: 1 removed entry and ${held.length} parts left out by the repair kept as "removed by upgrade" items`);
    const written = JSON.parse(readFileSync(out, 'utf8')) as NavigatorLayer;
    const kept = (written.metadata ?? []).flatMap((item) => ('name' in item && item.name === REMOVED_METADATA_NAME ? [item.value] : []));
    expect(kept[0]).to.match(/^\/techniques\/1: T1064 \(Scripting\) is deprecated .*The entry was: \{"techniqueID":"T1064","metadata":\[\{"value":"in the entry"\}\]\}$/);
    // Every other item is one part: its pointer, why, and the part exactly as read, which restores it.
    const parts = kept.slice(1).map((item) => /^(\/[^:]*): (.*)\. It was: (.*)$/.exec(item)!);
    expect(parts.map((m) => m[1])).to.deep.equal(held);
    for (const m of parts) expect(JSON.parse(m[3]!), m[1]).to.deep.equal(at(value, m[1]!));
    expect(parts.map((m) => m[3])).to.include.members(['{"value":"no name"}', '{"label":"the report"}', '{"label":"high confidence"}', '"nope"', '"high"']);

    // The file written is a valid 4.5 layer, and the same input writes the same bytes.
    const validated = await runCli(['validate', out]);
    expect(validated.code, validated.stdout + validated.stderr).to.equal(0);
    const again = join(dir, 'again.json');
    expect((await runCli(['upgrade', file, '--out', again, '--quiet'])).code).to.equal(0);
    expect(readFileSync(again, 'utf8')).to.equal(readFileSync(out, 'utf8'));

    // validate says, for each part left out, whether upgrade keeps it: exactly those that held something.
    const said = validateLayer(value, { attackFor: attackFor(library) }).filter((f) => f.code === 'repaired');
    const keeps = '`upgradeLayer` leaves it out and keeps it, as it was, in the layer\'s "removed by upgrade" metadata)';
    // A part of the deprecated entry is kept with the entry.
    expect(said.filter((f) => f.message.endsWith(keeps)).map((f) => f.path)).to.have.members([...held, '/techniques/1/metadata/0']);
    expect(said.filter((f) => f.message.endsWith('`upgradeLayer` leaves it out)')).map((f) => f.path)).to.have.members([
      '/techniques/0/comment',
      '/techniques/0/metadata/1',
      '/techniques/0/links/1',
      '/legendItems/1',
      '/metadata/2',
    ]);
  });

  it('names a layer without a name after the file it was read from, and "layer" when read from standard input', () => {
    const named = (file: string): unknown => repairLayer({ domain: 'enterprise-attack', techniques: [] }, file).layer['name'];
    expect(['dir/apt29.json', 'all.json (layer 2)', 'coverage.json:12', 'C:\\layers\\old.layer.json.gz', '<stdin>'].map(named)).to.deep.equal([
      'apt29',
      'all (layer 2)',
      'coverage',
      'old',
      'layer',
    ]);
  });

  it('refuses only what is not a layer at all', () => {
    expect(() => repairLayer({ rows: [], formulas: {} }, 'r.json')).to.throw(InputError, /r\.json: not an ATT&CK Navigator layer/);
    expect(() => repairLayer('text', 't.json')).to.throw(InputError, /t\.json: not an ATT&CK Navigator layer/);
    expect(repairLayer({ techniques: [{}] }).layer).to.deep.equal({ name: 'layer', techniques: [], domain: 'enterprise-attack' });
  });
});

describe('layers published by others (test/fixtures/layers/public, README there)', () => {
  let library: AttackLibrary;
  before(() => {
    library = attackLibrary();
  });

  function upgraded(file: string): { out: NavigatorLayer; value: unknown } {
    return upgradedLayer(readLayerFixture(`public/${file}`), file);
  }

  function upgradedLayer(value: unknown, file: string): { out: NavigatorLayer; value: unknown } {
    const releases = upgradeReleases(value, library);
    return { out: upgradeLayer(value, releases.target, { ...releases, file }).layer, value };
  }

  // mitre-attack/attack-navigator, layers/LAYERFORMATv2.md at b0666047: the format 2.0 example.
  it("Navigator's own format 2.0 example upgrades with its platforms kept as Windows and macOS, and draws", () => {
    const { out, value } = upgraded('navigator-spec-2.0-example.json');
    expect(out.filters?.platforms).to.deep.equal(['Windows', 'macOS']);
    expect(isNavigatorLayer(out)).to.equal(true);
    expect(validateLayer(out, { attackFor: attackFor(library) })).to.deep.equal([]);
    // T1155 AppleScript became T1059.002, on macOS: the picture is not empty, neither from the file as read.
    const drawn = (l: NavigatorLayer): number => matrixModel(l, library.release('enterprise-attack')).columns.length;
    expect(drawn(out)).to.be.greaterThan(5);
    const input = parseExportInput(JSON.stringify(value), 'spec-2.0.json');
    expect(input.kind === 'layer' && input.layer.filters?.platforms).to.deep.equal(['Windows', 'macOS']);
    expect(input.kind === 'layer' && input.repairs).to.have.length(2);
  });

  // mitre-attack/attack-navigator, layers/data/update_layers/April_2018_Updates.json at 0925ff49: format 2.0.
  it("Navigator's April 2018 update layer: its two PRE-T entries are counted and kept with their comments", async () => {
    const { out } = upgraded('navigator-april-2018-updates-2.0.json');
    const input = (readLayerFixture('public/navigator-april-2018-updates-2.0.json') as { techniques: Array<Record<string, unknown>> }).techniques;
    const pre = input.filter((entry) => String(entry['techniqueID']).startsWith('PRE-'));
    expect(pre).to.have.length(2);
    const kept = (out.metadata ?? []).flatMap((item) => ('name' in item && item.name === REMOVED_METADATA_NAME ? [item.value] : []));
    expect(kept.map((value) => JSON.parse(/The entry was: (.*)$/.exec(value)![1]!))).to.deep.equal(pre);
    // The summary counts all 41 entries as the CLI prints it.
    const file = fileURLToPath(new URL('../fixtures/layers/public/navigator-april-2018-updates-2.0.json', import.meta.url));
    const run = await runCli(['upgrade', file, '--out', join(freshTmpDir('april-2018'), 'up.json')]);
    expect(run.code, run.stderr).to.equal(0);
    expect(input).to.have.length(41);
    expect(run.stderr).to.match(/navigator-april-2018-updates-2\.0\.json: 26 kept, 13 remapped, 2 removed -> /);
  });

  // mitreattack-python's Layer.from_file refuses a layer with a field the format does not name (UnknownLayerProperty):
  // every field upgrade writes must be one that schemas/layer-4.5.schema.json (the 4.5 format) names, in the layer, its
  // entries, layout, filters, legend items, links and metadata items (Navigator 5.1 reads no other there).
  it('upgrades every public layer to fields the 4.5 format names only (Navigator 2.x\'s viewFullTable and DeTT&CT\'s hideDisable are not kept)', () => {
    type Properties = { properties: Record<string, unknown> };
    const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../schemas/layer-4.5.schema.json', import.meta.url)), 'utf8')) as Properties & {
      properties: { layout: Properties; filters: Properties };
      $defs: { technique: Properties };
    };
    const files = readdirSync(fileURLToPath(new URL('../fixtures/layers/public/', import.meta.url))).filter(
      (file) => file.endsWith('.json') && !file.includes('-pre-'),
    );
    expect(files).to.have.length(45);
    const unknown = (objects: unknown[], known: readonly string[]): string[] =>
      [...new Set(objects.flatMap((object) => (object && typeof object === 'object' ? Object.keys(object) : [])))].filter((key) => !known.includes(key));
    // A file of several layers (mitreattack-python's changelog layers, enterprise and mobile) is upgraded layer by layer.
    const layers = files.flatMap((file) => {
      const value = readLayerFixture(`public/${file}`);
      return (Array.isArray(value) ? value : [value]).map((layer) => ({ file, layer }));
    });
    expect(layers).to.have.length(46);
    for (const { file, layer } of layers) {
      const { out } = upgradedLayer(layer, file);
      expect(Object.keys(out).filter((key) => !(key in schema.properties)), file).to.deep.equal([]);
      const entries = out.techniques ?? [];
      expect(unknown(entries, Object.keys(schema.$defs.technique.properties)), file).to.deep.equal([]);
      expect(unknown([out.layout], Object.keys(schema.properties.layout.properties)), file).to.deep.equal([]);
      expect(unknown([out.filters], Object.keys(schema.properties.filters.properties)), file).to.deep.equal([]);
      expect(unknown(out.legendItems ?? [], ['label', 'color']), file).to.deep.equal([]);
      const links = [...(out.links ?? []), ...entries.flatMap((entry) => entry.links ?? [])];
      expect(unknown(links, ['label', 'url', 'divider']), file).to.deep.equal([]);
      const metadata = [...(out.metadata ?? []), ...entries.flatMap((entry) => entry.metadata ?? [])];
      expect(unknown(metadata, ['name', 'value', 'divider']), file).to.deep.equal([]);
    }
    const input = readLayerFixture('public/navigator-april-2018-updates-2.0.json') as Record<string, unknown>;
    expect(input['viewFullTable']).to.equal(true);
  });

  // atc-project/atomic-threat-coverage, analytics/generated/attack_navigator_profiles/
  // atc_attack_navigator_profile_CU_0002_TESTCUSTOMER2.json at 3ce60b23: format 2.1 written by a tool.
  it("atomic-threat-coverage's format 2.1 profile upgrades to a valid 4.5 layer; its T0069, in no domain, is removed and kept in the metadata", () => {
    const { out } = upgraded('atc-testcustomer2-2.1.json');
    expect(out.filters?.platforms).to.deep.equal(['Linux', 'Windows']);
    expect(isNavigatorLayer(out)).to.equal(true);
    expect(validateLayer(out, { attackFor: attackFor(library) })).to.deep.equal([]);
    expect((out.techniques ?? []).map((t) => t.techniqueID)).to.not.include('T0069');
    const kept = (out.metadata ?? []).filter((m) => 'name' in m && m.name === 'removed by upgrade').map((m) => ('value' in m ? m.value : ''));
    expect(kept.length).to.be.above(0);
    for (const value of kept) expect(value).to.match(/T0069 is not a technique of enterprise-attack 18\.1; removed .*The entry was: \{"techniqueID":"T0069"/);
  });
});

/**
 * mitreattack-python's `Layer.to_file` (mitreattack/navlayers/core/layer.py) writes
 * `open(filename, "w", encoding="utf-16")` + `json.dump(layer.get_dict(), fio, ensure_ascii=False)`: Python's UTF-16
 * codec puts a byte-order mark first (FF FE on little-endian machines), and json.dump separates with ", " and ": ".
 */
function mitreattackPythonBytes(value: unknown): Buffer {
  const dumps = (v: unknown): string =>
    Array.isArray(v)
      ? `[${v.map(dumps).join(', ')}]`
      : v !== null && typeof v === 'object'
        ? `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${dumps(x)}`).join(', ')}}`
        : JSON.stringify(v);
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(dumps(value), 'utf16le')]);
}

describe('a layer written by mitreattack-python (UTF-16 with a byte-order mark)', () => {
  // The key order of mitreattack-python's _LayerObj.get_dict.
  const python = {
    name: 'Überwachung – APT29',
    domain: 'enterprise-attack',
    description: 'Écrit par mitreattack-python',
    versions: { attack: '14', navigator: '4.9.1', layer: '4.5' },
    layout: { layout: 'side', showID: true, showName: true },
    hideDisabled: false,
    techniques: [
      { techniqueID: 'T1086', tactic: 'execution', score: 80, comment: 'PowerShell – vu en 2023', enabled: true },
      { techniqueID: 'T1059.001', tactic: 'execution', score: 60, enabled: true },
    ],
    gradient: { colors: ['#ffffff', '#ff6666'], minValue: 0, maxValue: 100 },
  };

  it('is read by validate, upgrade, export and combine; what they write is UTF-8 without a BOM', async () => {
    const dir = freshTmpDir('mitreattack-python');
    const file = join(dir, 'apt29.json');
    const bytes = mitreattackPythonBytes(python);
    expect([...bytes.subarray(0, 4)]).to.deep.equal([0xff, 0xfe, 0x7b, 0x00]);
    writeFileSync(file, bytes);

    const validate = await runCli(['validate', file]);
    expect(validate.stdout).to.contain('T1086 (PowerShell) is revoked');
    expect(validate.stdout).to.not.contain('invalid JSON');

    const out = join(dir, 'apt29.v18.json');
    expect((await runCli(['upgrade', file, '--out', out, '--quiet'])).code).to.equal(0);
    const written = readFileSync(out);
    expect([...written.subarray(0, 3)]).to.not.deep.equal([0xef, 0xbb, 0xbf]);
    const upgradedLayer = JSON.parse(written.toString('utf8')) as NavigatorLayer;
    expect(upgradedLayer.name).to.equal('Überwachung – APT29');
    expect(upgradedLayer.techniques?.map((t) => [t.techniqueID, t.score, t.comment])).to.deep.equal([['T1059.001', 80, 'T1086: PowerShell – vu en 2023']]);

    const csv = await runCli(['export', file, '--format', 'csv']);
    expect(csv.code, csv.stderr).to.equal(0);
    expect(csv.stdout).to.contain('PowerShell – vu en 2023');

    const combined = await runCli(['combine', file, out, '--op', 'max']);
    expect(combined.code, combined.stderr).to.equal(0);
    expect((JSON.parse(combined.stdout) as NavigatorLayer).techniques?.map((t) => t.techniqueID)).to.include('T1059.001');
  });
});
