/**
 * Physical floors of serving over the zoo (issue 18 item 7; issue 17): every language model on
 * every device, served with every default, as the CLI's `serve` does.
 *   - ITL ≥ the bytes one decode step moves ÷ the fastest memory or link that can hold them:
 *     Q = W_t(B) + KV all at the fastest of main memory, SRAM and the host (or injection) link
 *     (DGX_Spark lists a 300 GB/s C2C link beside 273 GB/s LPDDR5x), and the part of Q that cannot be resident,
 *     (Q − C_main)⁺, over a link no faster than the host link (or wall 6's injection link);
 *   - ITL ≥ the step's FLOPs ÷ peak; TTFT ≥ the prefill FLOPs ÷ peak (η ≤ 1 only lengthens);
 *   - one headline per scenario from one step: the headline ITL (p_itl, serving.itl) is walls
 *     1–2's decode step (compute.latency) wherever both describe the same step: one device
 *     (a weight-streaming device whose weights stream included: walls 1–2 time the injection
 *     as wall 6 does, docs/physics-notes.md);
 *   - the exit code agrees with the scorecard.
 */
import { describe, expect, it } from 'vitest';
import { evaluateCase, label, num, SLACK, zooCases } from './zoo.js';


describe('serving floors over the zoo', () => {
  it('ITL ≥ bytes ÷ fastest memory and ≥ FLOPs ÷ peak, TTFT ≥ prefill FLOPs ÷ peak, one headline ITL, exit code agrees', () => {
    const problems: string[] = [];
    let sameStep = 0;
    for (const c of zooCases('serving')) {
      const res = evaluateCase(c);
      if ('thrown' in res) {
        problems.push(`${label(c)} threw: ${res.thrown}`);
        continue;
      }
      const r = res.r;
      const g = r.built.graph;
      const at = (id: string) => num(g, id);
      const itl = at('serving.itl');
      const ttft = at('serving.ttft');
      const peak = at('hardware.peak_flops');
      const batch = at('scenario.batch_size');
      const split = g.has('communication.tp');
      if (typeof itl === 'number' && typeof peak === 'number' && typeof batch === 'number' && !split) {
        // One device: the decode step at S = context_len moves Q = W_t(B) + KV (walls 1–2's cells) and does B·F_tok(S).
        const flops = at('compute.flops_per_step');
        const bytes = at('compute.memory_traffic');
        const capacity = at('hardware.memory_capacity');
        const link = Math.max(at('hardware.host_link_bandwidth') ?? 0, at('streaming.injection_bandwidth_effective') ?? 0);
        const fastest = Math.max(at('hardware.memory_bandwidth') ?? 0, at('hardware.sram_bandwidth') ?? 0, link);
        if (typeof flops === 'number' && itl < (flops / peak) * SLACK) problems.push(`${label(c)}: ITL ${itl} s < FLOPs/peak ${flops / peak} s`);
        if (typeof bytes === 'number' && fastest > 0 && itl < (bytes / fastest) * SLACK) {
          problems.push(`${label(c)}: ITL ${itl} s < Q/fastest memory ${bytes / fastest} s`);
        }
        const twoTier = at('hardware.sram_capacity') !== null && at('hardware.sram_bandwidth') !== null;
        if (typeof bytes === 'number' && typeof capacity === 'number' && !twoTier && link > 0) {
          const spilled = Math.max(0, bytes - capacity) / link;
          if (itl < spilled * SLACK) problems.push(`${label(c)}: ITL ${itl} s < (Q − C)⁺/link ${spilled} s`);
        }
      }
      const prefillFlops = at('serving.prefill_flops');
      if (typeof ttft === 'number' && typeof prefillFlops === 'number' && typeof peak === 'number' && !split) {
        if (ttft < (prefillFlops / peak) * SLACK) problems.push(`${label(c)}: TTFT ${ttft} s < prefill FLOPs/peak ${prefillFlops / peak} s`);
      }
      // One headline, from one step (streamed weights included).
      if (!split) {
        const wall1 = g.get('compute.latency');
        const headline = g.get('serving.itl');
        if (wall1.ok !== headline.ok) problems.push(`${label(c)}: wall 1 ${wall1.ok ? 'timed' : 'untimed'} but the headline ITL ${headline.ok ? 'timed' : 'untimed'}`);
        else if (wall1.ok && headline.ok) {
          sameStep++;
          if (wall1.value !== headline.value) problems.push(`${label(c)}: headline ITL ${String(headline.value)} s ≠ wall 1's step ${String(wall1.value)} s`);
          const p = r.card.performance.metrics.itl?.value;
          if (typeof p === 'number' && Math.abs(p - (headline.value as number) * 1e3) > 1e-9 * p) problems.push(`${label(c)}: p_itl ${p} ms ≠ serving.itl`);
        }
      }
      // Status / exit-code agreement.
      const lenses = [r.card.feasibility, r.card.performance, r.card.macro];
      const feasFail = r.card.feasibility.status === 'FAIL';
      if ((r.exit_code === 2) !== feasFail) problems.push(`${label(c)}: exit ${r.exit_code} with Feasibility ${r.card.feasibility.status}`);
      if (!feasFail && lenses.some((l) => l.status === 'ERROR') && r.exit_code !== 1) problems.push(`${label(c)}: a lens in ERROR exits ${r.exit_code}`);
      if (r.exit_code === 1 && !r.input_error) problems.push(`${label(c)}: exit 1 without a reason`);
    }
    expect(problems).toEqual([]);
    expect(sameStep).toBeGreaterThan(100); // the headline check ran on most of the zoo
  }, 120_000);
});
