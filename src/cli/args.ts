/** Command-line plumbing shared by every subcommand. */

export interface CliContext {
  stdout(s: string): void;
  stderr(s: string): void;
}

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {
  readonly code = 2;
}

export type OptionSpec = Record<string, 'string' | 'boolean'>;

export interface ParsedArgs {
  positional: string[];
  options: Record<string, string | boolean | undefined>;
}

/** Parses `-x VALUE`, `--name VALUE`, `--name=VALUE` and boolean flags; unknown options are a usage error. */
export function parseArgs(argv: readonly string[], spec: OptionSpec): ParsedArgs {
  const positional: string[] = [];
  const options: ParsedArgs['options'] = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') { positional.push(...argv.slice(i + 1)); break; }
    const m = /^--?([A-Za-z][\w-]*)(?:=(.*))?$/.exec(arg);
    if (!m) { positional.push(arg); continue; }
    const [, name, inline] = m;
    const kind = spec[name];
    if (!kind) throw new UsageError(`unknown option ${arg}`);
    if (kind === 'boolean') { options[name] = true; continue; }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`option ${arg} needs a value`);
    options[name] = value;
  }
  return { positional, options };
}
