import { domainHint, inputName, interleavedLineRuns, isHtmlPage, ONE_WORD, passagesByText, readReportText, suggestTechniques, UsageError, type PassageSuggestions } from '../../index.js';
import { attackLibrary, note, printJson, progressLine, readStdin, showsProgress, warn, type CliContext, type GlobalArgs } from '../context.js';
import { suggestModel } from '../suggest-model.js';
import { fitBetween, foldLine, tableStyle } from '../format-table.js';
import { warnJsonReadAsText } from '../json-read-as-text.js';

interface Args extends GlobalArgs {
  report: string;
  lines?: boolean;
  top: number;
  json?: boolean;
  'min-score': number;
}


export function handler(context: CliContext) {
  return async (args: Args): Promise<void> => {
    if (!Number.isInteger(args.top) || args.top < 1) throw new UsageError(`--top ${args.top}: give a whole number of candidates, 1 or more`);
    const text = readReportText(args.report, args.report, { stdin: await readStdin(context, [args.report]) });
    warnJsonReadAsText(context, args, 'suggest', args.report, text);
    const index = attackLibrary(context, args).release(args.domain ?? 'enterprise-attack', args['attack-release']);
    const model = suggestModel(context, args, index);
    // Progress on a terminal, every 100 passages: a long report (pdftotext of a book) takes seconds.
    const progress = showsProgress(context, args);
    const html = isHtmlPage(args.report, text);
    // The passages read, which the progress line counts: some give no entry (one citing an ID, by sentence, is
    // extract's; one without a letter has nothing to rank), and the summary says so, so that its count and the
    // progress line's agree.
    let read = 0;
    const passages = suggestTechniques(text, model, {
      html,
      lines: args.lines,
      top: args.top,
      minScore: args['min-score'],
      onProgress: (done, total) => {
        read = total;
        if (progress && (done % 100 === 0 || done === total)) progressLine(context, `ranking passage ${done}/${total}`);
      },
    });
    if (progress) progressLine(context, '');
    const left = read - passages.length;
    note(
      context,
      args,
      `${passages.length} passage${passages.length === 1 ? '' : 's'} of ${inputName(args.report)}${html ? ' (read as an HTML page: its text, not its markup, scripts, menus or footer; lines are the page source\'s)' : ''} ranked against ${index.label}${left > 0 ? ` (of ${read} read; ${left} left out: ${left === 1 ? 'it cites' : 'they cite'} a technique ID, which extract reads, or ${left === 1 ? 'has' : 'have'} no letter)` : ''}; suggestions are to review, not references`,
    );
    // Ranked against Enterprise by default: a report about Android apps or PLCs is better ranked against its own domain.
    const hint = args.domain ? undefined : domainHint(passages);
    if (hint) {
      note(
        context,
        args,
        `note: ${hint.passages} of the ${hint.of} passages name ${hint.what} (${hint.words.join(', ')}); if the report is about them, rank it against their techniques with --domain ${hint.domain}`,
      );
    }
    // Plain pdftotext's two columns interleaved line by line cannot be set apart: the user hears where they may be.
    if (!html) {
      for (const run of interleavedLineRuns(text)) {
        warn(
          context,
          args,
          `${inputName(args.report)} lines ${run.first}-${run.last}: short lines each set apart by a blank line, cut off in a sentence, as plain pdftotext writes two columns interleaved line by line; their passages may mix two sentences or be fragments (pdftotext -layout keeps the columns apart)`,
        );
      }
    }
    if (args.json) return printJson(context, passages);
    context.stdout.write(renderSuggestions(passages, args['min-score'], tableStyle(context).width));
  };
}

/**
 * The readable form: each passage, then its candidates, one per line, with why. A passage said before (a page's
 * running header or footer in pdftotext's output) points to where its candidates were listed instead of listing them
 * again; the JSON lists them every time. Passages not ranked (a page's menu, furniture, a byline: a note and no
 * candidates) two or more in a row are counted in one entry, by note, with their lines: a scraped page has hundreds,
 * which listed one by one hid the report's sentences between them. So are passages whose candidates all score below
 * `minScore`, which says so. Given a terminal's `width`, each candidate's why is on its own lines under its ID, name
 * and score, every line is folded at spaces to the width, and a name or a word longer than its room is cut to it;
 * without (piped), one line per candidate, whole, as scripts read.
 */
function renderSuggestions(passages: readonly PassageSuggestions[], minScore: number, width?: number): string {
  const out: string[] = [];
  // On a terminal a line is folded, its next lines indented 4 more than it (`line 12: ...`, a note): `  1.` stands out.
  const put = (line: string, indent = line.length - line.trimStart().length + 4) => out.push(...(width ? foldLine(line, width, indent) : [line]));
  const byText = passagesByText(passages);
  const none = minScore > 0 ? `no candidate scores ${minScore} or more (--min-score)` : 'no candidates';
  const noteOf = (passage: PassageSuggestions) => passage.note ?? none;
  const notRanked = (passage: PassageSuggestions) => !passage.candidates.length;
  for (let i = 0; i < passages.length; i++) {
    const passage = passages[i]!;
    let end = i;
    while (end + 1 < passages.length && notRanked(passages[end]!) && notRanked(passages[end + 1]!)) end++;
    if (end > i) {
      notRankedRun(passages.slice(i, end + 1), noteOf).forEach((line) => put(line));
      i = end;
      continue;
    }
    const text = passage.text.length > 160 ? `${passage.text.slice(0, 159)}…` : passage.text;
    put(`line ${passage.line}: ${text}`);
    const first = byText.get(passage.text)?.[0];
    if (first && first !== passage) {
      put(`  (the same as line ${first.line}: its candidates are listed there)`);
      continue;
    }
    if (passage.note) put(`  (${passage.note})`);
    if (passage.wordsInCommon === 1) put(`  (${ONE_WORD})`);
    passage.candidates.forEach((candidate, i) => {
      const start = `  ${i + 1}. ${candidate.id} `;
      const end = `  score ${candidate.score}`;
      // On a terminal the why goes under the ID, on lines of its own; the ID, name and score stay on one line, the name
      // cut to fit (a sub-technique's can be 70 characters), never the ID or the score.
      const under = start.indexOf('.') + 2;
      if (width) out.push(fitBetween(start, candidate.name, end, width), ...foldLine(`${' '.repeat(under)}${candidate.why}`, width, under));
      else out.push(`${start}${candidate.name}${end}  ${candidate.why}`);
    });
    if (!passage.candidates.length && !passage.note) put(`  (${none})`);
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

/** The lines a note's passages are listed at in a run's entry: the first ones, then how many more. */
const RUN_LINES_SHOWN = 8;

/** One entry for passages in a row without candidates: their span, then each note (why) once, with its count and lines. */
function notRankedRun(run: readonly PassageSuggestions[], noteOf: (passage: PassageSuggestions) => string): string[] {
  const byNote = new Map<string, number[]>();
  const counts = new Map<string, number>();
  for (const passage of run) {
    const note = noteOf(passage);
    counts.set(note, (counts.get(note) ?? 0) + 1);
    // Several passages of a line (sentences) give the line once.
    const lines = byNote.get(note) ?? [];
    if (lines.at(-1) !== passage.line) byNote.set(note, [...lines, passage.line]);
  }
  const out = [`lines ${run[0]!.line}-${run.at(-1)!.line}: ${run.length} passages without candidates (--json lists each, with its text)`];
  for (const [note, lines] of byNote) {
    const shown = lines.slice(0, RUN_LINES_SHOWN).join(', ');
    const more = lines.length > RUN_LINES_SHOWN ? ` and ${lines.length - RUN_LINES_SHOWN} more` : '';
    out.push(`  ${counts.get(note)} at line${lines.length === 1 ? '' : 's'} ${shown}${more}: ${note}`);
  }
  return out;
}
