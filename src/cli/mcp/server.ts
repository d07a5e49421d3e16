/**
 * `mlsysim mcp`: a Model Context Protocol server over stdio whose tools are the CLI's verbs
 * (tools.ts). The low-level SDK server is used so that this module owns both the JSON Schemas
 * it lists (generated from the zod fields) and the checking of the arguments: every bad input,
 * the arguments included, is answered as the CLI answers it in JSON mode — a tool error
 * {status: "error", title, reason} — never an SDK-worded message.
 *
 * stdout carries the protocol only: the answer functions print nothing, and nothing here logs.
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, type CallToolResult, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import type { Answer } from '../command.js';
import { CliError, errorReport } from '../errors.js';
import { json } from '../output.js';
import { packageVersion } from '../version.js';
import { type McpTool, TOOLS } from './tools.js';

const INSTRUCTIONS = 'MLSys·im: a first-principles calculator for ML systems (how fast, how big, how costly, how green). ' +
  'The tools are the mlsysim CLI\'s verbs with its flags as fields; each answers with the JSON that `mlsysim --output json <verb>` prints. ' +
  'Start with zoo (catalogue ids), then eval a model on hardware (or a plan given as YAML/JSON text); explain says why a cell has its value. ' +
  'Cell values are SI (s, B, FLOP/s, W, g, USD) unless a key names its unit; warnings in a result are assumptions the user should see.';

/** An answer as a tool result: the JSON as text (what the CLI prints) and as structured content; exit code 1 is a tool error. */
function result(a: Answer): CallToolResult {
  return { content: [{ type: 'text', text: json(a.json) }], structuredContent: a.json, isError: a.code === 1 };
}

/** A thrown error as the CLI's JSON error object, returned as a tool error. */
function failure(e: unknown): CallToolResult {
  const r = errorReport(e);
  return result({ json: { status: 'error', title: r.title, reason: r.reason }, code: 1 });
}

/** Runs one tool call; never throws. */
export function callTool(tools: readonly McpTool[], name: string, args: unknown): CallToolResult {
  try {
    const tool = tools.find((t) => t.name === name);
    if (!tool) throw new CliError('Unknown tool', `unknown tool '${name}' (tools: ${tools.map((t) => t.name).join(', ')})`);
    return result(tool.call(args));
  } catch (e) {
    return failure(e);
  }
}

export function createServer(tools: readonly McpTool[] = TOOLS): Server {
  const server = new Server({ name: 'mlsysim', title: 'MLSys·im', version: packageVersion() }, {
    capabilities: { tools: {} },
    instructions: INSTRUCTIONS,
  });
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: tools.map((t) => ({
      name: t.name, title: t.title, description: t.description, inputSchema: t.inputSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    })),
  }));
  server.setRequestHandler(CallToolRequestSchema, (request) => callTool(tools, request.params.name, request.params.arguments));
  return server;
}

/** Serves on stdin/stdout until the client closes stdin; resolves then. */
export async function serveStdio(): Promise<void> {
  const server = createServer();
  const closed = new Promise<void>((resolve) => {
    server.onclose = resolve;
  });
  await server.connect(new StdioServerTransport());
  // The SDK's stdio transport does not watch for the end of its input: the client closing
  // stdin is the end of the session. 'end' can come in the same tick as the last request,
  // before its (synchronous) answer is sent, and closing aborts unanswered requests: close
  // on the next turn of the event loop, once the answers are out.
  process.stdin.once('end', () => setImmediate(() => void server.close()));
  await closed;
}
