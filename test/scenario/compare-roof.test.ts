import { describe, expect, it } from 'vitest';
import { compareRoof } from '../../src/scenario/index.js';

describe('compareRoof(id, basis): a catalogue device under the same η', () => {
  const basis = { precision: 'fp16', efficiency: 0.5, bandwidth_efficiency: 1 };

  it('uses the device peak at the precision and its bandwidth: A100 fp16 ridge 156e12/2.039e12 = 76.51 FLOP/B', () => {
    const c = compareRoof('A100', basis);
    if (!c.ok) throw new Error(c.message);
    expect(c.roof).toEqual({ ceiling_flops_per_s: 156e12, slope_bytes_per_s: 2.039e12 });
    expect(c.roof.ceiling_flops_per_s / c.roof.slope_bytes_per_s).toBeCloseTo(76.51, 2);
    expect(c).toMatchObject({ label: 'A100', display_name: 'NVIDIA A100 SXM4 80GB', warnings: [] });
  });

  it('says why a device cannot run the precision, and names an unknown id', () => {
    expect(compareRoof('A100', { ...basis, precision: 'fp8' })).toMatchObject({ ok: false, message: expect.stringContaining('fp8 is not supported on A100') });
    expect(compareRoof('NoSuchChip', basis)).toMatchObject({ ok: false, message: "no hardware 'NoSuchChip' in the catalogue" });
  });
});
