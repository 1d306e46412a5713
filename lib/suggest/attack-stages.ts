/**
 * The stages of an attack, as a report heads its sections by them: ATT&CK's tactics and the stages of an attack
 * lifecycle. A heading, a label or a table's cell that is only such stages says where the behaviour stands, not what it is.
 */
import { parseTacticList } from '../normalize/tactic-text.js';

// The stages of an attack as a report heads its sections by them: ATT&CK's tactics (`Defense Evasion`, `Command and
// Control`, in the languages `parseTacticList` reads), and the stages of Mandiant's attack lifecycle, which its posts
// head their sections with (the ALPHV post of April 2023 as GenAI-Threat-Intelligence-Research keeps it: `Initial
// Compromise and Establish Foothold`, `Internal Reconnaissance`, which got Network Service Discovery 75.5, `Escalate
// Privileges`, `Complete Mission`, Indicator Removal: File Deletion 100). A stage says where in the attack the section's
// behaviour stands, not what it is: the section's sentences say that (`Defense Evasion`, a heading, got Exploitation for
// Defense Evasion 94.4 on its two words). A technique's name as a heading (`Ingress Tool Transfer`) names a behaviour,
// and is read. A one-word tactic's name made plural (`Collections`, `Executions`) is no tactic: ATT&CK never writes one
// so, and pages head their sections with the word in its own sense (`## Collections` of a database's documents, `###
// Executions` of a workflow's runs, as READMEs and API documents on GitHub do), which `parseTacticList` would read as a
// one-letter misspelling; a misspelling inside the word (`Persistance`, `Reconaissance`) still names the tactic. A tactic
// of more words keeps its sense in the plural, and is a stage: pentesters' Active Directory cheat sheets on GitHub head
// their sections `## Lateral Movements` (PsExec, WinRM, RDP under it) and `### Lateral movements` (a table of PsExec,
// WMI, WinRM), and Microsoft's Defender for Identity pages list its alerts under `### Lateral movements` beside `###
// Compromised credentials` (found with find_string). `Initial Accesses` is no stage either: `parseTacticList` does not
// read it, and the real text that writes it means a cache's first reads.
const LIFECYCLE_STAGES = new Set(
  ['initial recon', 'initial reconnaissance', 'initial compromise', 'establish foothold', 'escalate privileges', 'internal recon', 'internal reconnaissance', 'move laterally', 'maintain presence', 'complete mission'],
);
const MAX_STAGES = 80;
// A heading's or a list's mark, bold, and a label's colon around the stages.
const STAGE_MARKS = /^[\s#=*_•-]+|[\s*_:]+$/gu;

/**
 * Whether a passage is only stages of an attack: ATT&CK tactics (`Defense Evasion`, `Execution, Persistence`) or stages
 * of Mandiant's attack lifecycle (`Initial Compromise and Establish Foothold`), a heading, a label or a table's cell.
 */
export function isAttackStages(text: string): boolean {
  if (text.length > MAX_STAGES || /[.!?。]\s|\d/.test(text)) return false;
  const bare = text.replace(STAGE_MARKS, '');
  if (!bare || endsSentence(bare)) return false;
  const tactics = parseTacticList(bare);
  if (tactics) return !tactics.some((tactic) => !tactic.includes(' ') && isPluralOf(tactic, bare));
  return bare.split(/\s*,\s*|\s+(?:and|&)\s+/).every((stage) => LIFECYCLE_STAGES.has(stage.toLowerCase()));
}

// A sentence's end (`Execution.`): no tactic's written form or stage ends with one, and a list's last item keeps it.
const SENTENCE_END = /[.!?。]$/;

/**
 * Whether a text ends as a sentence does, so reads as no stages (`parseTacticList` reads its last item as no tactic): a
 * short sentence is asked no further, most of a report's short passages. Unless other digits than ASCII's are a TA ID
 * once folded (`ＴＡ０００２.`), which names its tactic whatever follows it.
 */
function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text) && !/\d/.test(text.normalize('NFKC'));
}

/** Whether a text writes a one-word tactic's name made plural: the word with `s` or `es` after it (`Collections`). */
function isPluralOf(tactic: string, text: string): boolean {
  const last = tactic.toLowerCase().split(' ').pop()!;
  return text.toLowerCase().split(/[^\p{L}]+/u).some((word) => word === `${last}s` || word === `${last}es`);
}
