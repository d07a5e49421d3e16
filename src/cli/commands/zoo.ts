/** `mlsysim zoo [kind] [--category C]`: catalogue tables, sorted as the catalogue does. */
import type { Command } from 'commander';
import { closestMatches, zoo, type ZooKind, type ZooTable } from '../../registry/index.js';
import { act, type Answer, type CliState, formatOf, printAnswer } from '../command.js';
import { CliError } from '../errors.js';
import { out, renderTable, type Table } from '../output.js';

/** Words a user may type → the zoo kinds shown (systems = clusters, nodes and fabrics). */
const KINDS: Readonly<Record<string, readonly ZooKind[]>> = {
  hardware: ['hardware'], devices: ['hardware'], device: ['hardware'],
  models: ['model'], model: ['model'],
  grids: ['grid'], grid: ['grid'], regions: ['grid'],
  systems: ['cluster', 'node', 'fabric'], clusters: ['cluster'], cluster: ['cluster'],
  nodes: ['node'], node: ['node'], fabrics: ['fabric'], fabric: ['fabric'],
  scenarios: ['scenario'], scenario: ['scenario'], datasets: ['dataset'], dataset: ['dataset'],
};
const SHOWN = ['hardware', 'models', 'grids', 'systems', 'scenarios', 'clusters', 'nodes', 'fabrics', 'datasets'];

function kindsOf(word: string | undefined): readonly ZooKind[] {
  if (word === undefined) return ['hardware', 'model'];
  const k = KINDS[word.toLowerCase()];
  if (k) return k;
  const near = closestMatches(word, SHOWN, 3);
  throw new CliError('Unknown zoo kind', `zoo: unknown kind '${word}'.${near.length ? ` Did you mean ${near.join(', ')}?` : ''} Kinds: ${SHOWN.join(', ')}`);
}

function asTable(t: ZooTable, raw: boolean): Table {
  const withCategory = t.rows.some((r) => r.category !== undefined) && t.category === undefined;
  const unit = (u?: string) => (raw && u ? ` (${u})` : '');
  return {
    headers: ['id', 'name', ...(withCategory ? ['category'] : []), ...t.columns.map((c) => `${c.label}${unit(c.unit)}`)],
    rows: t.rows.map((r) => [r.id, r.display_name, ...(withCategory ? [r.category ?? ''] : []),
      ...t.columns.map((c) => (raw ? r.cells[c.key]?.value : r.cells[c.key]?.display))]),
  };
}

const TITLES: Record<ZooKind, string> = {
  hardware: 'Hardware', model: 'Models', grid: 'Grids (regions)', node: 'Nodes', fabric: 'Fabrics', cluster: 'Clusters',
  scenario: 'Scenarios', dataset: 'Datasets',
};

/** The tables of `zoo [kind] [--category C]`. */
function zooTables(kind: string | undefined, opts: { readonly category?: string }): ZooTable[] {
  if (opts.category !== undefined && kind === undefined) throw new CliError('Bad arguments', 'zoo --category needs a kind, e.g. zoo hardware --category Cloud');
  return kindsOf(kind).map((k) => zoo(k, { category: opts.category }));
}

/** `zoo --output json` (and the mcp tool zoo): raw SI values; one table, or {tables} for several. */
export function zooAnswer(kind: string | undefined, opts: { readonly category?: string }): Answer {
  const plain = zooTables(kind, opts).map((t) => ({
    kind: t.kind, ...(t.category ? { category: t.category } : {}), columns: t.columns,
    rows: t.rows.map((r) => ({ id: r.id, display_name: r.display_name, ...(r.category ? { category: r.category } : {}),
      ...Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.value ?? null])) })),
  }));
  return { json: plain.length === 1 ? plain[0] : { tables: plain }, code: 0 };
}

export function registerZoo(program: Command, state: CliState): void {
  program
    .command('zoo')
    .summary('list the catalogue: hardware, models, grids, systems, scenarios')
    .description('Catalogue tables, sorted as the catalogue does (devices by peak FLOP/s, models by parameters, grids by carbon intensity).\n' +
      'With no kind: the hardware and model tables. CSV and JSON carry raw SI values.')
    .argument('[kind]', 'hardware | models | grids | systems | scenarios (also clusters, nodes, fabrics, datasets)')
    .option('--category <c>', 'keep one category (e.g. Cloud, Edge, Language); needs a kind')
    .addHelpText('after', `
Examples:
  $ mlsysim zoo
  $ mlsysim zoo hardware --category cloud
  $ mlsysim zoo models --output csv
  $ mlsysim zoo grids --output json`)
    .action(act(state, (kind: string | undefined, opts: { category?: string }, self: Command) => {
      const format = formatOf(self);
      if (format === 'json') return printAnswer(zooAnswer(kind, opts));
      const parts = zooTables(kind, opts).map((t) => {
        const body = renderTable(format, asTable(t, format === 'csv'));
        if (format === 'csv') return body;
        const title = `${TITLES[t.kind]}${t.category ? ` — ${t.category}` : ''} (${t.rows.length})`;
        return format === 'markdown' ? `## ${title}\n\n${body}` : `${title}\n${body}`;
      });
      out(parts.join('\n\n'));
      return 0;
    }));
}
