#!/usr/bin/env node
/** `biaozhu`: the analysis core from the command line. Exit codes: 0 ok, 1 a file failed, 2 usage error. */
import { CliContext, UsageError } from './cli/args';
import * as analyzeCmd from './cli/analyze';
import * as compareCmd from './cli/compare';
import * as exportCmd from './cli/export';
import * as importCmd from './cli/import';
import * as lintCmd from './cli/lint';
import * as markCmd from './cli/mark';
import * as mergeDriverCmd from './cli/mergeDriver';
import * as resolveCmd from './cli/resolve';
import * as searchCmd from './cli/search';
import * as statsCmd from './cli/stats';
import { InputError } from './node/readText';

interface Command {
  usage: string;
  run(argv: string[], ctx: CliContext): Promise<number>;
}

/** Subcommands by name; each lives in its own module under src/cli/. */
const commands: Record<string, Command> = {
  analyze: analyzeCmd,
  export: exportCmd,
  import: importCmd,
  stats: statsCmd,
  search: searchCmd,
  compare: compareCmd,
  lint: lintCmd,
  mark: markCmd,
  resolve: resolveCmd,
  'merge-driver': mergeDriverCmd,
};

function help(): string {
  return 'usage:\n' + Object.values(commands).map(c => `  ${c.usage}`).join('\n') + '\n';
}

export async function main(argv: string[], ctx: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    ctx.stdout(help());
    return name ? 0 : 2;
  }
  const command = commands[name];
  try {
    if (!command) throw new UsageError(`unknown command '${name}'\n${help()}`);
    return await command.run(rest, ctx);
  } catch (e) {
    if (e instanceof UsageError) { ctx.stderr(`biaozhu: ${e.message}\n`); return e.code; }
    if (e instanceof InputError) { ctx.stderr(`biaozhu: ${e.message}\n`); return e.code; }
    ctx.stderr(`biaozhu: ${(e as Error).stack ?? e}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), {
    stdout: s => process.stdout.write(s),
    stderr: s => process.stderr.write(s),
  }).then(code => { process.exitCode = code; }, e => { console.error(e); process.exitCode = 1; });
}
