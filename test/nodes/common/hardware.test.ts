import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../../../src/graph/index.js';
import { hardwareCells } from '../../../src/nodes/common/hardware.js';
import { expectClose, goldenCase } from '../../helpers/golden.js';
import { context, ESP32_S3, H100, LLAMA3_8B } from '../fixtures.js';

const cell = (device: typeof H100, id: string) => hardwareCells(context('inference', LLAMA3_8B, device)).find((d) => d.id === id);

describe('device facts as input cells (§1.6)', () => {
  it('ref.h100_capacity_binary_units: 80 GiB parses to 2^30-byte units, the catalogue capacity is decimal 80 GB', () => {
    const c = goldenCase('ref.h100_capacity_binary_units');
    const x = c.inputs as Record<string, string>;
    expectClose(parseQuantity(x.input_string_binary, 'B'), c.expected.parsed_80_GiB_bytes, c.tolerance_rel);
    expectClose(parseQuantity(x.input_string_decimal, 'B'), c.expected.parsed_80_GB_bytes, c.tolerance_rel);
    expect(cell(H100, 'hardware.memory_capacity')).toMatchObject({ default: c.expected['hardware.memory_capacity'], provenance: 'catalogue' });
  });

  it('an absent fact is an unset optional input; a peak per precision key, fp32_cuda included', () => {
    expect(cell(H100, 'hardware.sram_capacity')).toMatchObject({ default: null, domain: { optional: true } });
    expect(cell(H100, 'hardware.peak_flops_fp32_cuda')).toMatchObject({ default: 67e12 });
    expect(cell(H100, 'hardware.peak_flops_fp4')).toMatchObject({ default: null });
    expect(cell(ESP32_S3, 'hardware.sram_capacity')).toMatchObject({ default: 512e3, provenance: 'catalogue' });
  });

  it('scale-up bandwidth is per direction: a bidirectional total is halved (§1.4)', () => {
    expect(cell(H100, 'hardware.scaleup_bandwidth')).toMatchObject({ default: 450e9 });
    expect(cell({ ...H100, scaleup_bandwidth: 900e9, scaleup_direction: 'bidirectional_total' }, 'hardware.scaleup_bandwidth')).toMatchObject({ default: 450e9 });
    const undeclared = cell({ ...H100, scaleup_bandwidth: 900e9, scaleup_direction: undefined }, 'hardware.scaleup_bandwidth');
    expect(undeclared).toMatchObject({ default: 450e9 });
    expect(undeclared?.source?.ref).toMatch(/direction not declared/);
  });

  it('scale-up latency falls back to 0.5 µs and the execution model to standard', () => {
    expect(cell(H100, 'hardware.scaleup_latency')).toMatchObject({ default: 0.5e-6, provenance: 'default' });
    expect(cell({ ...H100, execution_model: undefined }, 'hardware.execution_model')).toMatchObject({ default: 'standard' });
  });
});
