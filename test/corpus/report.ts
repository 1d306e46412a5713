/** `npm run corpus`: the references corpus scored against ATT&CK 18.1 (older releases for old names). */
import { formatCorpusScore, readCorpus, scoreCorpus } from './corpus.js';
import { loadRelease } from '../helpers/attack.js';

const score = scoreCorpus(readCorpus(), { target: loadRelease('18.1'), history: () => [loadRelease('6.3'), loadRelease('8.2'), loadRelease('12.1')] }, (domain) => ({ target: loadRelease('18.1', domain) }));
process.stdout.write(`${formatCorpusScore(score)}\n`);
