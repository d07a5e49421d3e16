/**
 * `mlsysim mcp`: the built CLI spawned as an MCP server over stdio, driven by the SDK's own
 * client (as an agent's MCP client would), and by hand for the protocol's stdout.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cli, EXAMPLE, ROOT } from './helpers.js';

let client: Client;
let transport: StdioClientTransport;
let stderr = '';

beforeAll(async () => {
  transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp'], cwd: ROOT, stderr: 'pipe' });
  transport.stderr?.on('data', (d: Buffer) => { stderr += d.toString(); });
  client = new Client({ name: 'mlsysim-test', version: '0' });
  await client.connect(transport);
}, 30_000);

afterAll(async () => {
  await client?.close();
});

async function call(name: string, args: Record<string, unknown>): Promise<CallToolResult & { text: string }> {
  const r = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const first = r.content[0];
  return { ...r, text: first?.type === 'text' ? first.text : '' };
}

describe('mlsysim mcp lists the CLI verbs as tools', { timeout: 60_000 }, () => {
  it('names the server and lists zoo, eval, serve, optimize, sweep, explain, sensitivity, seek, schema, validate, calibrate, each with an object input schema', async () => {
    expect(client.getServerVersion()?.name).toBe('mlsysim');
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['zoo', 'eval', 'serve', 'optimize', 'sweep', 'explain', 'sensitivity', 'seek', 'schema', 'validate', 'calibrate']);
    for (const t of tools) {
      expect(t.inputSchema.type).toBe('object');
      expect(t.description).toContain(`mlsysim --output json ${t.name}`);
    }
  });

  it('eval takes the scenario flags as typed fields, with the rules and help of the CLI flags', async () => {
    const { tools } = await client.listTools();
    const props = tools.find((t) => t.name === 'eval')!.inputSchema.properties as Record<string, Record<string, unknown>>;
    expect(Object.keys(props)).toEqual(expect.arrayContaining(['plan', 'model', 'hardware', 'batch_size', 'precision', 'efficiency', 'seq_len', 'mode', 'region', 'set', 'all']));
    // --batch-size is an integer ≥ 1; --mode one of inference | serving | training (physics §11.4).
    expect(props.batch_size).toMatchObject({ type: 'integer', minimum: 1, description: 'batch size (scenario.batch_size)' });
    expect(props.mode.enum).toEqual(['inference', 'serving', 'training']);
    expect(props.efficiency).toMatchObject({ type: 'number', exclusiveMinimum: 0 });
    // serve has no mode (it is always serving), like `mlsysim serve`.
    const serve = tools.find((t) => t.name === 'serve')!.inputSchema.properties as Record<string, unknown>;
    expect(serve).not.toHaveProperty('mode');
    expect(serve).toHaveProperty('prefill_chunk_tokens');
  });

  it('eval, serve, optimize, seek and sweep take gpus, tp, pp, ep and cp, integers ≥ 1 like --gpus and --tp/--pp/--ep/--cp', async () => {
    const { tools } = await client.listTools();
    for (const name of ['eval', 'serve', 'optimize', 'seek', 'sweep']) {
      const props = tools.find((t) => t.name === name)!.inputSchema.properties as Record<string, Record<string, unknown>>;
      for (const field of ['gpus', 'tp', 'pp', 'ep', 'cp']) expect(props[field], `${name}.${field}`).toMatchObject({ type: 'integer', minimum: 1 });
      expect(props.cp.description).toBe('context-parallel degree (communication.cp)');
    }
  });
});

describe('a tool answers with the JSON of `mlsysim --output json <verb>`', { timeout: 60_000 }, () => {
  it('eval Llama3_8B on H100: f_status PASS, the 80 GB of the H100 SXM datasheet, and the CLI\'s JSON byte for byte', async () => {
    const [r, c] = await Promise.all([call('eval', { model: 'Llama3_8B', hardware: 'H100' }), cli(['--output', 'json', 'eval', 'Llama3_8B', 'H100'])]);
    expect(r.isError).toBe(false);
    const j = r.structuredContent as Record<string, unknown>;
    expect(j.f_status).toBe('PASS');
    expect(j.f_memory_capacity_gb).toBe(80);
    expect(c.code).toBe(0);
    expect(r.text).toBe(c.stdout.trimEnd());
  });

  it('eval with flags and set equals the CLI with the same flags and --set', async () => {
    const [r, c] = await Promise.all([
      call('eval', { model: 'Llama3_8B', hardware: 'H100', batch_size: 32, precision: 'fp8', set: { 'hardware.memory_bandwidth': '4TB/s' } }),
      cli(['--output', 'json', 'eval', 'Llama3_8B', 'H100', '--batch-size', '32', '--precision', 'fp8', '--set', 'hardware.memory_bandwidth=4TB/s']),
    ]);
    expect(r.text).toBe(c.stdout.trimEnd());
  });

  it('eval of a plan given as text equals eval of the plan file (its latency assert fails: exit 3 on the CLI, an answer here)', async () => {
    const [r, c] = await Promise.all([call('eval', { plan: readFileSync(EXAMPLE, 'utf8') }), cli(['--output', 'json', 'eval', EXAMPLE])]);
    expect(c.code).toBe(3);
    expect(r.isError).toBe(false);
    expect(r.text).toBe(c.stdout.trimEnd());
    // 64 H100 at batch 4096 take far longer than the plan's 50 ms (physics §11.2 display unit).
    expect((r.structuredContent as { asserts: { metric: string; passed: boolean }[] }).asserts).toMatchObject([{ metric: 'performance.latency', max: 50, passed: false }]);
  });

  it('a plan with region and set equals the plan file with --region and --set', async () => {
    const [r, c] = await Promise.all([
      call('eval', { plan: readFileSync(EXAMPLE, 'utf8'), region: 'Iceland', set: { 'ops.duration_days': '7d' } }),
      cli(['--output', 'json', 'eval', EXAMPLE, '--region', 'Iceland', '--set', 'ops.duration_days=7d']),
    ]);
    expect(r.text).toBe(c.stdout.trimEnd());
  });

  it.each([
    ['zoo', { kind: 'grids' }, ['zoo', 'grids']],
    ['serve', { model: 'Llama3_8B', hardware: 'H100', seq_len: 4096 }, ['serve', 'Llama3_8B', 'H100', '--seq-len', '4096']],
    ['sweep', { model: 'Llama3_8B', hardware: 'H100', axis: ['scenario.batch_size=1:64:4:log'], metric: ['compute.latency'] },
      ['sweep', 'Llama3_8B', 'H100', '--axis', 'scenario.batch_size=1:64:4:log', '--metric', 'compute.latency']],
    ['explain', { model: 'Llama3_8B', hardware: 'H100', cell: 'compute.latency', depth: 2 }, ['explain', 'Llama3_8B', 'H100', 'compute.latency', '--depth', '2']],
    ['sensitivity', { model: 'Llama3_8B', hardware: 'H100' }, ['sensitivity', 'Llama3_8B', 'H100']],
    ['seek', { model: 'Llama3_8B', hardware: 'H100', target: 'compute.latency=10ms', vary: 'scenario.batch_size=1:256' },
      ['seek', 'Llama3_8B', 'H100', '--target', 'compute.latency=10ms', '--vary', 'scenario.batch_size=1:256']],
    ['optimize', { kind: 'placement', plan: readFileSync(EXAMPLE, 'utf8'), carbon_tax: 150, top: 3 }, ['optimize', 'placement', EXAMPLE, '--carbon-tax', '150', '--top', '3']],
    ['schema', { type: 'scenario' }, ['schema', '--type', 'scenario']],
    ['validate', { split: 'holdout' }, ['validate', '--split', 'holdout']],
  ] as const)('%s equals the CLI', async (name, args, argv) => {
    const [r, c] = await Promise.all([call(name, args), cli(['--output', 'json', ...argv])]);
    expect(c.code).toBe(0);
    expect(r.isError).toBe(false);
    expect(r.text).toBe(c.stdout.trimEnd());
  });
});

describe('the layout fields gpus, tp, pp, ep, cp answer as the CLI flags --gpus, --tp, --pp, --ep, --cp do', { timeout: 120_000 }, () => {
  it.each([
    ['serve with gpus and a layout', 'serve', { model: 'Llama3_70B', hardware: 'H100', gpus: 8, tp: 4, pp: 2 }, ['serve', 'Llama3_70B', 'H100', '--gpus', '8', '--tp', '4', '--pp', '2']],
    ['eval with cp', 'eval', { model: 'Llama3_8B', hardware: 'H100', gpus: 2, cp: 2, mode: 'inference', seq_len: 131072 },
      ['eval', 'Llama3_8B', 'H100', '--gpus', '2', '--cp', '2', '--mode', 'inference', '--seq-len', '131072']],
    ['optimize parallelism with gpus', 'optimize', { kind: 'parallelism', model: 'Llama3_70B', hardware: 'H100', gpus: 8, mode: 'inference', ep: 1 },
      ['optimize', 'parallelism', 'Llama3_70B', 'H100', '--gpus', '8', '--mode', 'inference', '--ep', '1']],
    ['seek with gpus and tp', 'seek', { model: 'Llama3_70B', hardware: 'H100', gpus: 8, tp: 8, mode: 'inference', target: 'compute.latency=20ms', vary: 'scenario.batch_size=1:256' },
      ['seek', 'Llama3_70B', 'H100', '--gpus', '8', '--tp', '8', '--mode', 'inference', '--target', 'compute.latency=20ms', '--vary', 'scenario.batch_size=1:256']],
    ['sweep with gpus and tp', 'sweep', { model: 'Llama3_70B', hardware: 'H100', gpus: 8, tp: 8, mode: 'inference', axis: ['scenario.batch_size=1:64:4:log'], metric: ['communication.decode_step_time'] },
      ['sweep', 'Llama3_70B', 'H100', '--gpus', '8', '--tp', '8', '--mode', 'inference', '--axis', 'scenario.batch_size=1:64:4:log', '--metric', 'communication.decode_step_time']],
  ] as const)('%s equals the CLI', async (_label, name, args, argv) => {
    const [r, c] = await Promise.all([call(name, args), cli(['--output', 'json', ...argv])]);
    expect(c.code).toBe(0);
    expect(r.isError).toBe(false);
    expect(r.text).toBe(c.stdout.trimEnd());
  });

  it('cp reaches the scenario: eval holds cp = 2 on 2 H100 and searches the rest', async () => {
    const r = await call('eval', { model: 'Llama3_8B', hardware: 'H100', gpus: 2, cp: 2, mode: 'inference', seq_len: 131072 });
    const layout = (r.structuredContent as { layout: { values: Record<string, number>; note: string } }).layout;
    expect(layout.note).toContain('cp=2 held as set');
    expect(layout.values['communication.tp'] * layout.values['communication.pp'] * 2).toBe(2);
  });
});

describe('bad input is a tool error {status, title, reason}, as the CLI prints it in JSON mode', { timeout: 60_000 }, () => {
  it('an unknown device: the same error object as `mlsysim --output json eval Llama3_8B H1000`', async () => {
    const [r, c] = await Promise.all([call('eval', { model: 'Llama3_8B', hardware: 'H1000' }), cli(['--output', 'json', 'eval', 'Llama3_8B', 'H1000'])]);
    expect(r.isError).toBe(true);
    expect(c.code).toBe(1);
    expect(r.structuredContent).toEqual(JSON.parse(c.stdout));
    expect(r.structuredContent).toMatchObject({ status: 'error', title: 'Unknown hardware' });
    expect((r.structuredContent as { reason: string }).reason).toMatch(/Did you mean H100/);
  });

  it.each([
    ['batch_size 0', { model: 'Llama3_8B', hardware: 'H100', batch_size: 0 }, 'eval: batch_size must be an integer ≥ 1 (got 0)'],
    ['a misspelt field', { model: 'Llama3_8B', hardware: 'H100', batchsize: 32 }, /^eval: batchsize is not a known key \(did you mean batch_size\?/],
    ['a model without hardware', { model: 'Llama3_8B' }, 'eval needs plan (YAML or JSON text), or model and hardware (got model)'],
    ['a plan and a model', { plan: 'version: "1.0"', model: 'Llama3_8B', hardware: 'H100' }, 'eval: give plan, or model and hardware, not both'],
    // The command line's own words: a plan given as text is read as the CLI reads PLAN.yaml.
    ['a plan and batch_size', { plan: readFileSync(EXAMPLE, 'utf8'), batch_size: 8 }, '--batch-size apply to MODEL HARDWARE; with a plan file use --set CELL=VALUE'],
  ])('eval with %s → Bad arguments', async (_, args, reason) => {
    const r = await call('eval', args);
    expect(r.isError).toBe(true);
    expect(r.structuredContent).toMatchObject({ status: 'error', title: 'Bad arguments' });
    expect(Object.keys(r.structuredContent!)).toEqual(['status', 'title', 'reason']);
    expect((r.structuredContent as { reason: string }).reason).toMatch(reason);
    expect(JSON.parse(r.text)).toEqual(r.structuredContent);
  });

  it('a plan with an unknown key names its path, as the loader does for a file', async () => {
    const r = await call('eval', { plan: 'version: "1.0"\nworkload: { name: Llama3_8B, stray: 1 }\nhardware: { name: H100 }\n' });
    expect(r.isError).toBe(true);
    expect(r.structuredContent).toMatchObject({ status: 'error', title: 'Invalid plan' });
    expect((r.structuredContent as { reason: string }).reason).toMatch(/^plan\.yaml: workload\.stray is not a known key/);
  });

  it('an unknown tool is a tool error naming the tools', async () => {
    const r = await call('evaluate', {});
    expect(r.isError).toBe(true);
    expect(r.structuredContent).toMatchObject({ status: 'error', title: 'Unknown tool' });
    expect((r.structuredContent as { reason: string }).reason).toMatch(/unknown tool 'evaluate' \(tools: zoo, eval, /);
  });

  it('the server wrote nothing to stderr', () => {
    expect(stderr).toBe('');
  });
});

describe('the process', { timeout: 60_000 }, () => {
  it('stdout carries only JSON-RPC messages, and the server exits 0 when its stdin closes', async () => {
    const child = spawn(process.execPath, [BIN, 'mcp'], { cwd: ROOT });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; });
    const send = (id: number, method: string, params: unknown) => child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`);
    send(1, 'initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } });
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
    send(2, 'tools/call', { name: 'eval', arguments: { model: 'Llama3_8B', hardware: 'H100', batch_size: 4096 } });
    send(3, 'tools/call', { name: 'zoo', arguments: { kind: 'nope' } });
    // Wait for both answers before closing stdin.
    await new Promise<void>((done) => { child.stdout.on('data', () => { if (out.split('\n').filter(Boolean).length >= 3) done(); }); });
    child.stdin.end();
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(0);
    const messages = out.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as { jsonrpc: string; id: number; result: CallToolResult });
    expect(messages.map((m) => [m.jsonrpc, m.id])).toEqual([['2.0', 1], ['2.0', 2], ['2.0', 3]]);
    // 4096 sequences of 2048 tokens do not fit in 80 GB: an infeasible answer (exit 2 on the CLI), not a tool error.
    expect(messages[1].result.isError).toBe(false);
    expect((messages[1].result.structuredContent as Record<string, unknown>).f_status).toBe('FAIL');
    expect(messages[2].result.isError).toBe(true);
    expect(messages[2].result.structuredContent).toMatchObject({ status: 'error', title: 'Unknown zoo kind' });
  });

  it('other commands do not load the MCP SDK; mcp does', async () => {
    // Preloaded: at exit, every SDK module in the CommonJS module cache (the bundle requires it) on stderr.
    const preload = join(mkdtempSync(join(tmpdir(), 'mlsysim-mcp-')), 'report-sdk.cjs');
    writeFileSync(preload, "process.on('exit', () => { for (const k of Object.keys(require.cache)) if (k.includes('modelcontextprotocol')) process.stderr.write('sdk ' + k + '\\n'); });");
    const run = (args: readonly string[]) => new Promise<string>((done) => {
      const child = spawn(process.execPath, ['--require', preload, BIN, ...args], { cwd: ROOT });
      let err = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => { err += d; });
      child.stdin.end();
      child.on('close', () => done(err));
    });
    const [evalErr, mcpErr] = await Promise.all([run(['eval', 'Llama3_8B', 'H100']), run(['mcp'])]);
    expect(evalErr).not.toMatch(/^sdk /m);
    expect(mcpErr).toMatch(/^sdk .*server[/\\]index\.js$/m);
  });
});
