/**
 * calibrate (src/scenario/calibrate.ts): the efficiency that explains a measurement is fitted
 * by goal seek, and the profile it writes reproduces the measurement when loaded (round trip).
 */
import { describe, expect, it } from 'vitest';
import {
  buildScenario, calibrate, parseMeasurement, parseProfile, profileOverrides, type Scenario, ScenarioInputError,
} from '../../src/scenario/index.js';
import { expectClose } from '../helpers/golden.js';

const DECODE: Scenario = { model: 'Llama3_8B', hardware: 'H100', overrides: { 'scenario.batch_size': 1, 'scenario.context_len': 2048, 'scenario.precision': 'fp16' } };
const PREFILL: Scenario = {
  model: 'Llama3_8B', hardware: 'H100', mode: 'serving',
  overrides: { 'scenario.batch_size': 1, 'scenario.context_len': 2048, 'scenario.precision': 'fp16', 'scenario.output_tokens': 1 },
};

function fit(s: Scenario, measured: string) {
  const built = buildScenario(s);
  return { built, r: calibrate(built, parseMeasurement(built.graph, measured)) };
}

describe('calibrate: which efficiency, and its value', () => {
  it('memory-bound decode (§12.1, B = 1): η_bw so that Q/(BW·η_bw) + T_ov = 6.1 ms, i.e. 1.63284e10/(3.35e12·5.77 ms) = 0.844738', () => {
    const { r } = fit(DECODE, 'compute.latency=6.1ms');
    expect(r.variable).toBe('scenario.bandwidth_efficiency');
    expect(r.regime).toBe('memory-bound');
    expect(r.elasticities['scenario.efficiency']).toBe(0);
    expectClose(r.to, 1.63284e10 / (3.35e12 * (6.1e-3 - 0.33e-3)), 1e-5, 'η_bw');
    expectClose(r.after, 6.1e-3, 1e-5, 'after');
    expect(r.profile).toMatchObject({ kind: 'mlsysim-device-profile', version: 1, device: 'H100', measurement: { cell: 'compute.latency', unit: 's', text: '6.1ms' } });
  });

  it('compute-bound prefill (§12.1, S = 2048): η so that F/(peak·η) + T_ov = 80 ms, i.e. 3.39909e13/(989e12·79.67 ms) = 0.431392', () => {
    const { r } = fit(PREFILL, 'serving.ttft=80ms');
    expect(r.variable).toBe('scenario.efficiency');
    expect(r.regime).toBe('compute-bound');
    expectClose(r.to, 3.39909e13 / (989e12 * (80e-3 - 0.33e-3)), 1e-5, 'η');
  });

  it('a scorecard metric is read in its display unit: performance.latency=6.1ms gives the same fit as compute.latency', () => {
    const a = fit(DECODE, 'performance.latency=6.1ms').r;
    const b = fit(DECODE, 'compute.latency=6.1ms').r;
    expect(a.measured).toBe(6.1);
    expectClose(a.to, b.to, 1e-9, 'same η_bw');
  });

  it('round trip: the saved profile, loaded onto the scenario, reproduces the measurement', () => {
    for (const [s, measured, cell, want] of [[DECODE, 'compute.latency=6.1ms', 'compute.latency', 6.1e-3], [PREFILL, 'serving.ttft=80ms', 'serving.ttft', 80e-3]] as const) {
      const { r } = fit(s, measured);
      const profile = parseProfile(JSON.parse(JSON.stringify(r.profile)));
      const again = buildScenario({ ...s, overrides: { ...s.overrides, ...profileOverrides(profile, 'H100') } });
      expectClose(again.graph.value(cell), want, 1e-5, cell);
    }
  });
});

describe('calibrate: what it refuses', () => {
  const refuse = (s: Scenario, measured: string) => {
    try {
      fit(s, measured);
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioInputError);
      return (e as Error).message;
    }
    throw new Error('no error');
  };

  it('a cell that depends on neither efficiency, a cell that is not one, and a value the device cannot reach', () => {
    expect(refuse(DECODE, 'memory.memory_footprint=20GB')).toMatch(/does not depend on η or η_bw/);
    expect(refuse(DECODE, 'compute.nope=1')).toMatch(/'compute\.nope' is not a cell/);
    expect(refuse(DECODE, 'compute.latency=fast')).toMatch(/^measured compute\.latency/);
    // 1 ms is faster than streaming the weights at the full HBM bandwidth (4.87 ms at η_bw = 1).
    expect(refuse(DECODE, 'compute.latency=1ms')).toMatch(/beyond what the device's peak allows/);
    expect(refuse({ ...DECODE, overrides: { ...DECODE.overrides, 'software.efficiency_mode': 'estimated' } }, 'compute.latency=6.1ms'))
      .toMatch(/efficiency_mode is estimated/);
  });

  it('a profile is checked field by field and applies to its own device only', () => {
    const good = { kind: 'mlsysim-device-profile', version: 1, device: 'H100', fitted: { 'scenario.efficiency': 0.6 },
      measurement: { cell: 'compute.latency', value: 0.0061, unit: 's', text: '6.1ms', scenario: 'Llama3_8B on H100' } };
    expect(profileOverrides(parseProfile(good), 'H100')).toEqual({ 'scenario.efficiency': 0.6 });
    expect(() => profileOverrides(parseProfile(good), 'A100')).toThrow(/is H100 but the scenario runs on A100/);
    expect(() => parseProfile({ ...good, kind: 'other' })).toThrow(/profile\.kind must be mlsysim-device-profile/);
    expect(() => parseProfile({ ...good, fitted: { 'scenario.layer_tax': 1e-5 } })).toThrow(/not a cell calibration fits/);
    expect(() => parseProfile({ ...good, fitted: { 'scenario.efficiency': 1.5 } })).toThrow(/must be a number in \(0, 1\]/);
    expect(() => parseProfile({ ...good, measurement: undefined })).toThrow(/profile\.measurement must say what the fit reproduces/);
    expect(() => parseProfile({ ...good, extra: 1 })).toThrow(/profile\.extra is not a key/);
  });
});
