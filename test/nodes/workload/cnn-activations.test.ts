/**
 * Non-LM activations (physics.md §2.8; docs/physics-notes.md "CNN and encoder activations"),
 * against figures derived by hand from the architectures:
 *
 *   LeNet-1 (28×28×1 → conv 5×5×4 → 24×24×4 → pool → 12×12×4 → conv 5×5×12 → 8×8×12 → pool
 *   → 4×4×12 → FC 10):
 *     peak live set = input + conv1 output = 784 + 2304 = 3088 elements (every later pair is
 *     smaller: 2304 + 576, 576 + 768, 768 + 192, 192 + 10);
 *     stored for training = 784 + 2304 + 576 + 768 + 192 + 10 = 4634 elements;
 *     FLOPs = 2·(24·24·4·25 + 8·8·12·(4·25) + 192·10) = 2·(57 600 + 76 800 + 1920) = 272 640.
 *   MobileNetV2 1.0 at 224 (Sandler et al. 2018, Table 2): block 2 expands 112×112×16 to
 *     112×112×96, then its stride-2 depthwise conv writes 56×56×96:
 *     peak = 112·112·96 + 56·56·96 = 1 204 224 + 301 056 = 1 505 280 elements.
 *     MCUNet's 1372 kB (int8) is the expand pair 112·112·(16 + 96) = 1 404 928 B = 1372 KiB,
 *     the pair TinyEngine keeps when it runs the depthwise conv in place.
 */
import { describe, expect, it } from 'vitest';
import { type Model, registry } from '../../../src/registry/index.js';
import { evaluate } from '../../../src/scenario/index.js';
import { value } from '../node/scenario-graph.js';

function model(id: string): Model {
  const m = registry().get('model', id);
  if (!m) throw new Error(`${id} is not in the catalogue`);
  return m;
}

describe('catalogue activations, derived by hand', () => {
  it('LeNet-1: peak 784 + 2304 = 3088 elements, stored 4634, FLOPs 272 640', () => {
    const m = model('LeNet1');
    expect(m.activation_peak_elements).toBe(28 * 28 + 24 * 24 * 4);
    expect(m.activation_stored_elements).toBe(784 + 2304 + 576 + 768 + 192 + 10);
    expect(m.flops_per_sample).toBe(2 * (24 * 24 * 4 * 25 + 8 * 8 * 12 * 4 * 25 + 192 * 10));
  });

  it('MobileNetV2 (1.0, 224): peak 112·112·96 + 56·56·96 = 1 505 280 elements, above MCUNet\'s in-place 1372 KiB pair', () => {
    const peak = model('MobileNetV2').activation_peak_elements;
    expect(peak).toBe(112 * 112 * 96 + 56 * 56 * 96);
    // MCUNet (Lin et al. 2020): 1372 kB for int8 = the expand pair, 1 B per element.
    expect((112 * 112 * (16 + 96)) / 1024).toBe(1372);
    expect(peak).toBeGreaterThan(112 * 112 * (16 + 96));
  });
});

describe('the remaining non-LM models, derived by hand from their layer shapes', () => {
  // MLPerf DLRM reference (facebookresearch/dlrm run_and_time.sh: --arch-mlp-bot=13-512-256-128,
  // --arch-sparse-feature-size=128, --arch-mlp-top=1024-1024-512-256-1, 26 tables; Naumov et al. 2019):
  // forward = bottom MLP on the 13 dense features → x (128); 26 lookups (26·128 = 3328);
  // T = cat([x] + ly) = 27·128 = 3456; Z = T·Tᵀ (27·27 = 729); R = cat([x, the 351 pairs]) = 479 → top MLP.
  it('DLRM: peak at the concatenation, (128 + 26·128) + 27·128 = 6912; stored = input + MLP outputs + T + R = 7661', () => {
    const m = model('DLRM');
    expect(m.activation_peak_elements).toBe((128 + 26 * 128) + 27 * 128);
    const bottom = 512 + 256 + 128;
    const top = 1024 + 1024 + 512 + 256 + 1;
    expect(m.activation_stored_elements).toBe(13 + bottom + 27 * 128 + (128 + (27 * 26) / 2) + top);
    // The same shapes give the catalogue's MAC count (a check of the widths): bottom + interaction + top.
    const bottomMacs = 13 * 512 + 512 * 256 + 256 * 128;
    const topMacs = 479 * 1024 + 1024 * 1024 + 1024 * 512 + 512 * 256 + 256 * 1;
    expect(2 * (bottomMacs + 27 * 27 * 128 + topMacs)).toBe(m.flops_per_sample);
  });

  it('DLRM trains: the stored activations are b · 7661 · 2 B at fp16', () => {
    const e = evaluate({ model: 'DLRM', hardware: 'H100', mode: 'training', overrides: { 'scenario.precision': 'fp16' } });
    expect(e.input_error).toBeUndefined();
    expect(e.exit_code === 0 || e.exit_code === 2).toBe(true);
    const b = value(e.built.graph, 'communication.microbatch_size') as number;
    expect(value(e.built.graph, 'communication.train_activations')).toBe(b * 7661 * 2);
  });

  // YOLOv8-n at 640 (ultralytics/cfg/models/v8/yolov8.yaml, scale n: depth 0.33, width 0.25).
  // C2f(c2, n) writes: 1×1 to c2; n bottlenecks of two 3×3 convs at c2/2 (plus the residual add in
  // the backbone); the concat of (2 + n)·c2/2; 1×1 to c2. SPPF(256): 1×1 to 128, three 5×5 max
  // pools, concat 512, 1×1 to 256. Detect per level: box 3×3 64, 3×3 64, 1×1 64; classes 3×3 80,
  // 3×3 80, 1×1 80; their concat 144 (64 + 64 + 64 + 80 + 80 + 80 + 144 = 576 channels).
  // Channels of every operator output, per resolution:
  //   320²: Conv 16.   160²: Conv 32; C2f(32, 1) 32 + (16 + 16 + 16) + 48 + 32 = 160.
  //   80²: Conv 64; C2f(64, 2) 64 + 2·96 + 128 + 64 = 448; upsample 128; concat 192;
  //        C2f(64, 1) 64 + 64 + 96 + 64 = 288; Detect 576.
  //   40²: Conv 128; C2f(128, 2) 128 + 2·192 + 256 + 128 = 896; upsample 256; concat 384;
  //        C2f(128, 1) 576; Conv 64; concat 192; C2f(128, 1) 576; Detect 576.
  //   20²: Conv 256; C2f(256, 1) 256 + 384 + 384 + 256 = 1280; SPPF 128 + 384 + 512 + 256 = 1280;
  //        Conv 128; concat 384; C2f(256, 1) 256 + 256 + 384 + 256 = 1152; Detect 576.
  // The same shapes give 3 157 200 parameters (ultralytics' model summary: 3 157 200) and
  // 4.371 G MACs = 8.74 GFLOPs (the docs: 8.7).
  it('YOLOv8-n: peak at the stem, 3·640² + 16·320² = 2 867 200; stored 26 496 000 elements', () => {
    const m = model('YOLOv8_Nano');
    expect(m.activation_peak_elements).toBe(3 * 640 * 640 + 16 * 320 * 320);
    const c160 = 32 + 160;
    const c80 = 64 + 448 + 128 + 192 + 288 + 576;
    const c40 = 128 + 896 + 256 + 384 + 576 + 64 + 192 + 576 + 576;
    const c20 = 256 + 1280 + 1280 + 128 + 384 + 1152 + 576;
    expect(m.activation_stored_elements).toBe(3 * 640 ** 2 + 16 * 320 ** 2 + c160 * 160 ** 2 + c80 * 80 ** 2 + c40 * 40 ** 2 + c20 * 20 ** 2);
    expect(m.activation_stored_elements).toBe(26_496_000);
  });

  // Diffusion Policy, Push-T image (real-stanford/diffusion_policy train_diffusion_unet_hybrid_workspace.yaml
  // and conditional_unet1d.py): per sample, 2 observation frames of 84×84×3 go through the ResNet-18
  // encoder as one batch (stem 64 @42², pool 64 @21², stages 64 @21², 128 @11², 256 @6², 512 @3²,
  // spatial softmax: 1×1 conv to 32 @3², 64 keypoints, linear 64), then one denoising step of the
  // 1D U-Net (down_dims 512/1024/2048, kernel 5, FiLM from the 128 + 132 = 260 condition) over
  // 16 actions × 2. A residual block (in → out at length T) keeps its first conv's out·T, the FiLM
  // scale and bias 2·out and its second conv's out·T (the add merged, the 1×1 projection not counted).
  it('Diffusion Policy (Push-T): peak at the two-frame stem 2·(3·84² + 64·42²) = 268 128; stored 1 044 968', () => {
    const m = model('DiffusionPolicy_PushT');
    expect(m.activation_peak_elements).toBe(2 * (3 * 84 * 84 + 64 * 42 * 42));
    const frame = 3 * 84 ** 2 + 64 * 42 ** 2 + 64 * 21 ** 2 + 4 * 64 * 21 ** 2 + 4 * 128 * 11 ** 2 + 4 * 256 * 6 ** 2 + 4 * 512 * 3 ** 2 + 32 * 9 + 64 + 64;
    const block = (out: number, t: number): number => 2 * out * t + 2 * out;
    const conditioning = 2 * 16 + 132 + (128 + 512 + 128) + 260; // noisy actions, observation features, step embedding, the concatenated condition
    const down = block(512, 16) * 2 + 512 * 8 + block(1024, 8) * 2 + 1024 * 4 + block(2048, 4) * 2;
    const mid = block(2048, 4) * 2;
    const up = 4096 * 4 + block(1024, 4) * 2 + 1024 * 8 + 2048 * 8 + block(512, 8) * 2 + 512 * 16;
    const head = 512 * 16 + 2 * 16;
    expect(m.activation_stored_elements).toBe(2 * frame + conditioning + down + mid + up + head);
    expect(m.activation_stored_elements).toBe(1_044_968);
  });

  // The parameters of the same configuration (conditional_unet1d.py; diffusion_unet_hybrid_image_policy.py
  // builds the robomimic encoder and swaps BatchNorm for GroupNorm, the same affine count).
  // Conv1dBlock = conv (in·out·k + out) + GroupNorm (2·out); a residual block adds its FiLM linear
  // 260 → 2·out and a 1×1 projection when in ≠ out; Downsample1d is a conv k 3, Upsample1d a
  // transposed conv k 4 (both dim → dim); the step encoder is 128 → 512 → 128.
  // ResNet-18 without its fc: 11 689 512 (torchvision) − 513 000 = 11 176 512; spatial softmax 1×1
  // conv 512 → 32 and the 64 → 64 linear.
  it('Diffusion Policy (Push-T): params = U-Net 251 511 938 + encoder 11 197 088 = 262 709 026', () => {
    const k = 5;
    const conv = (i: number, o: number, kernel: number): number => i * o * kernel + o;
    const convBlock = (i: number, o: number): number => conv(i, o, k) + 2 * o;
    const res = (i: number, o: number): number => convBlock(i, o) + convBlock(o, o) + 260 * 2 * o + 2 * o + (i === o ? 0 : conv(i, o, 1));
    const step = 128 * 512 + 512 + 512 * 128 + 128;
    const down = res(2, 512) + res(512, 512) + conv(512, 512, 3) + res(512, 1024) + res(1024, 1024) + conv(1024, 1024, 3) + res(1024, 2048) + res(2048, 2048);
    const mid = 2 * res(2048, 2048);
    const up = res(4096, 1024) + res(1024, 1024) + conv(1024, 1024, 4) + res(2048, 512) + res(512, 512) + conv(512, 512, 4);
    const final = convBlock(512, 512) + conv(512, 2, 1);
    const unet = step + down + mid + up + final;
    expect(unet).toBe(251_511_938);
    const encoder = 11_689_512 - (512 * 1000 + 1000) + (512 * 32 + 32) + (64 * 64 + 64);
    expect(encoder).toBe(11_197_088);
    expect(model('DiffusionPolicy_PushT').params).toBe(unet + encoder);
  });
});

describe('the working set and the arena use them', () => {
  it('MobileNetV2 on H100, batch 8 at fp16: A_work = 8 · 1 505 280 · 2 B = 24 084 480 B', () => {
    const e = evaluate({ model: 'MobileNetV2', hardware: 'H100', mode: 'inference', overrides: { 'scenario.batch_size': 8, 'scenario.precision': 'fp16' } });
    expect(value(e.built.graph, 'workload.activation_working_set')).toBe(24_084_480);
    expect(e.exit_code).toBe(0);
  });

  // b_act = max(b(fp16), b(int8)) = 2 B (physics.md §1.2: low-precision compute keeps 16-bit activations).
  it('an MCU that cannot hold the arena: MobileNetV2 α 0.5 int8 on ESP32-S3 needs (112·112·48 + 56·56·48)·2 = 1 505 280 B of its 512 000 B SRAM (wall 2 FAIL, exit 2)', () => {
    const e = evaluate({ model: 'MobileNetV2_Alpha0_5', hardware: 'ESP32_S3', mode: 'inference', overrides: { 'scenario.precision': 'int8' } });
    const g = e.built.graph;
    expect(value(g, 'memory.arena_bytes')).toBe((112 * 112 * 48 + 56 * 56 * 48) * 2);
    expect(value(g, 'memory.arena_fits')).toBe(false);
    expect(e.walls.find((w) => w.wall === 2)?.reason).toContain('activation arena exceeds SRAM');
    expect(e.exit_code).toBe(2);
  });

  it('an MCU that can: the MLPerf Tiny autoencoder int8 on nRF52840 keeps its 270 000 B of weights in flash (more than the 256 000 B SRAM) and a (640 + 128)·2 = 1536 B arena in SRAM', () => {
    const e = evaluate({ model: 'AnomalyDetector', hardware: 'nRF52840', mode: 'inference', overrides: { 'scenario.precision': 'int8' } });
    const g = e.built.graph;
    expect(value(g, 'memory.two_tier')).toBe(true);
    expect(value(g, 'memory.main_tier_bytes')).toBe(270_000);
    expect(value(g, 'memory.arena_bytes')).toBe(1536);
    expect(value(g, 'memory.arena_fits')).toBe(true);
    expect(value(g, 'memory.feasible')).toBe(true);
  });
});

describe('CNN training', () => {
  it('ResNet-50 trains on one H100: the stored maps are b · 9 962 984 elements · 2 B at fp16', () => {
    const e = evaluate({ model: 'ResNet50', hardware: 'H100', mode: 'training', overrides: { 'scenario.precision': 'fp16' } });
    const g = e.built.graph;
    expect(e.exit_code === 0 || e.exit_code === 2).toBe(true);
    // ResNet-50's main chain at 224: 150 528 input + 802 816 stem + 200 704 pool + per-stage maps (catalogue note).
    expect(model('ResNet50').activation_stored_elements).toBe(9_962_984);
    const b = value(g, 'communication.microbatch_size') as number;
    expect(value(g, 'communication.train_activations')).toBe(b * 9_962_984 * 2);
  });

  it('a CNN without activation data names the missing field, not hidden_dim', () => {
    const e = evaluate({ model: 'WakeVision', hardware: 'H100', mode: 'training' });
    expect(e.exit_code).toBe(1);
    expect(e.input_error).toContain('WakeVision has no activation_stored_elements');
    expect(e.input_error).not.toContain('hidden_dim');
  });

  it('a transformer encoder (BERT-Base: d 768, H 12) keeps the §2.7 per-layer table, not stored feature maps', () => {
    const e = evaluate({ model: 'BERT_Base', hardware: 'H100', mode: 'training' });
    expect(e.exit_code).toBe(0);
    expect(e.built.graph.has('workload.activation_bytes_per_layer')).toBe(true);
    expect(e.built.graph.has('workload.activation_stored_per_sample')).toBe(false);
  });
});
