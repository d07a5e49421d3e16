import { describe, expect, it } from 'vitest';
import { bindingPartCells, rooflineOwner } from '../../../src/nodes/node/binding.js';
import { expectClose, goldenCase } from '../../helpers/golden.js';
import { context } from '../fixtures.js';
import { foundationGraph, goldenGraph, value } from './scenario-graph.js';

describe('binding-wall split of the inference latency (§11.5)', () => {
  it('spec-12.1-decode-b1: wall 2 owns T_m = 4.87416 of 5.20416 ms (share 0.936589)', () => {
    const c = goldenCase('spec-12.1-decode-b1');
    const g = goldenGraph(c);
    const parts = [1, 2, 3].map((w) => value(g, `${['compute', 'memory', 'software'][w - 1]}.binding_part`) as number);
    const latency = value(g, 'compute.latency') as number;
    expectClose(parts[0] + parts[1] + parts[2], latency, 1e-12, 'parts sum to the latency');
    const largest = Math.max(...parts);
    expect(parts.indexOf(largest) + 1).toBe(c.expected_board!.binding_wall);
    expectClose(largest / latency, c.expected_board!.binding_share, c.tolerance_rel, 'binding_share');
  });

  it('a compute-bound step gives the roofline time to wall 1', () => {
    const g = foundationGraph('inference', undefined, undefined, { 'scenario.context_len': 128, 'scenario.batch_size': 512 });
    expect(value(g, 'memory.binding_part')).toBe(0);
    expect(value(g, 'compute.binding_part')).toBe(value(g, 'compute.t_compute'));
    expect(rooflineOwner('Host link')).toBe(2);
  });

  it('only the inference mode splits wall 1 latency (serving and training split their own headline)', () => {
    expect(bindingPartCells(context('serving'))).toEqual([]);
    expect(bindingPartCells(context('training'))).toEqual([]);
  });
});
