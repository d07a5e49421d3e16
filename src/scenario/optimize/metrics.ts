/** Reading a few cells of a graph as plain report values (errors → their message). */
import type { LiveGraph } from '../../graph/index.js';
import type { MetricValue } from './types.js';

export function readMetrics(graph: LiveGraph, ids: readonly string[]): Record<string, MetricValue> {
  const out: Record<string, MetricValue> = {};
  for (const id of ids) {
    if (!graph.has(id)) continue;
    const v = graph.get(id);
    out[id] = v.ok ? (v.value === Infinity ? null : v.value) : `error: ${v.error.message}`;
  }
  return out;
}

export function numberAt(graph: LiveGraph, id: string): number | undefined {
  if (!graph.has(id)) return undefined;
  const v = graph.get(id);
  return v.ok && typeof v.value === 'number' ? v.value : undefined;
}
