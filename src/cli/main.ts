/**
 * `mlsysim` entry point. Returns the exit code (0 ok, 1 bad input, 2 infeasible,
 * 3 assert violated) instead of exiting, so tests and the bin wrapper share one path.
 */
import { Command, CommanderError } from 'commander';
import { packageVersion } from './version.js';

export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command();
  program
    .name('mlsysim')
    .description('First-principles calculator for ML systems: how fast, how big, how costly, how green.')
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return e.exitCode === 0 ? 0 : 1;
    }
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
