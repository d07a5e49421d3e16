/** `mlsysim mcp`: the CLI's verbs as tools of a Model Context Protocol server on stdin/stdout (docs/mcp.md). */
import type { Command } from 'commander';
import { act, type CliState } from '../command.js';
import type { ExitCode } from '../errors.js';

export function registerMcp(program: Command, state: CliState): void {
  program
    .command('mcp')
    .summary('serve the commands as tools to an agent: a Model Context Protocol server over stdio')
    .description('Start a Model Context Protocol (MCP) server on stdin/stdout for an agent or an MCP client.\n' +
      'Its tools are the commands (zoo, eval, serve, optimize, sweep, explain, sensitivity, seek, schema, validate)\n' +
      'with their flags as named fields; each answers with the JSON of `mlsysim --output json <command>`, and bad\n' +
      'input is a tool error {status, title, reason}. It runs until the client closes stdin. Registering it with a\n' +
      'client: docs/mcp.md.')
    .addHelpText('after', `
Example (an MCP client's server entry):
  { "mcpServers": { "mlsysim": { "command": "npx", "args": ["mlsysim", "mcp"] } } }`)
    .action(act(state, async (): Promise<ExitCode> => {
      // The SDK is loaded only by this command.
      const { serveStdio } = await import('../mcp/server.js');
      await serveStdio();
      return 0;
    }));
}
