/**
 * A scenario that names no precision runs at the device's catalogue default_precision
 * (catalog.json hardware[].default_precision), said in the warnings when it is not the
 * schema-wide fp16 (physics.md §1.2).
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/scenario/index.js';

describe('the device default precision', () => {
  it('an ESP32-S3 (default fp32: its peak table has fp32 and int8 only) runs DS_CNN at fp32 and says so', () => {
    const r = evaluate({ model: 'DS_CNN', hardware: 'ESP32_S3' });
    expect(r.built.graph.value('scenario.precision')).toBe('fp32');
    expect(r.exit_code === 0 || r.exit_code === 2).toBe(true);
    expect(r.warnings.some((w) => w.includes('ESP32_S3') && w.includes('fp32'))).toBe(true);
  });

  it('an iPhone 15 Pro (default int8) runs GPT2_Small at int8 and says so', () => {
    const r = evaluate({ model: 'GPT2_Small', hardware: 'iPhone15Pro' });
    expect(r.built.graph.value('scenario.precision')).toBe('int8');
    expect(r.input_error).toBeUndefined();
    expect(r.warnings.some((w) => w.includes('iPhone15Pro') && w.includes('int8'))).toBe(true);
  });

  it('a precision the user gives is kept and no default is said', () => {
    const r = evaluate({ model: 'DS_CNN', hardware: 'ESP32_S3', overrides: { 'scenario.precision': 'int8' } });
    expect(r.built.graph.value('scenario.precision')).toBe('int8');
    expect(r.warnings.some((w) => w.includes('default precision'))).toBe(false);
  });

  it('an H100 (default fp16) keeps fp16 without a warning about it', () => {
    const r = evaluate({ model: 'Llama3_8B', hardware: 'H100' });
    expect(r.built.graph.value('scenario.precision')).toBe('fp16');
    expect(r.warnings.some((w) => w.includes('default precision'))).toBe(false);
  });
});
