import type { Argv } from 'yargs';
import type { CliContext } from '../context.js';
import * as attackObject from './attack-object.js';
import * as combine from './combine.js';
import * as compare from './compare.js';
import * as data from './data.js';
import * as exportCommand from './export.js';
import * as extract from './extract.js';
import * as gap from './gap.js';
import * as normalize from './normalize.js';
import * as render from './render.js';
import * as technique from './technique.js';
import * as upgrade from './upgrade.js';
import * as validate from './validate.js';

/** A CLI command: yargs' command module, with a handler bound to the run's context. */
export interface CommandModule {
  command: string | readonly string[];
  describe: string;
  builder: (yargs: Argv) => Argv<any>;
  handler: (context: CliContext) => (args: any) => void | Promise<void>;
}

/** Every command, in the order `--help` lists them. */
export const commands: readonly CommandModule[] = [
  normalize,
  extract,
  render,
  validate,
  upgrade,
  gap,
  combine,
  exportCommand,
  attackObject,
  compare,
  technique,
  data,
];
