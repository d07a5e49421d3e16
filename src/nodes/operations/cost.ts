/**
 * Wall 17's cost models (physics.md Amendments, "Cost"): `ownership` (the TCO of capital.ts)
 * or `rental` (device-hours × $/device-hour, by provider class), and what a run or a token costs
 * under the chosen model: per training run, per 1M input tokens and per 1M output tokens,
 * priced separately (input tokens at the prefill rate, output tokens at the sustained rate).
 */
import {
  type CellDef, choice, type ComputeResult, derived, fail, input, number, optNumber, type SourceRef,
} from '../../graph/index.js';
import { type BuildContext, isLM } from '../context.js';

export const COST_MODELS = ['ownership', 'rental'] as const;
export const PROVIDER_CLASSES = ['gpu_cloud', 'hyperscaler'] as const;
export type ProviderClass = (typeof PROVIDER_CLASSES)[number];

const HOUR = 3600;

interface RentalPrice {
  /** USD per device-hour, on-demand list price. */
  readonly usdPerHour: number;
  readonly source: SourceRef;
}

const aws = (instance: string, usd: number, gpus: number): SourceRef => ({
  kind: 'vendor-doc',
  ref: `AWS EC2 on-demand list price, us-east-1 (2024): ${instance} $${usd}/h for ${gpus} GPUs`,
  url: 'https://aws.amazon.com/ec2/pricing/on-demand/',
});
const lambda = (offer: string): SourceRef => ({
  kind: 'vendor-doc',
  ref: `Lambda GPU Cloud on-demand list price (2024): ${offer}`,
  url: 'https://lambdalabs.com/service/gpu-cloud#pricing',
});

/**
 * $/device-hour by device and provider class: a hyperscaler's on-demand instance divided by its
 * GPUs, and a GPU cloud's on-demand per-GPU price. A device without a listed price has no
 * default (the rental cells then say what to set).
 */
export const RENTAL_PRICES: Readonly<Record<ProviderClass, Readonly<Record<string, RentalPrice>>>> = {
  hyperscaler: {
    H100: { usdPerHour: 98.32 / 8, source: aws('p5.48xlarge (8 × H100 SXM 80GB)', 98.32, 8) },
    A100: { usdPerHour: 40.96 / 8, source: aws('p4de.24xlarge (8 × A100 SXM 80GB)', 40.96, 8) },
    V100: { usdPerHour: 24.48 / 8, source: aws('p3.16xlarge (8 × V100 SXM2 16GB)', 24.48, 8) },
  },
  gpu_cloud: {
    H100: { usdPerHour: 2.99, source: lambda('8 × H100 SXM 80GB, $2.99 per GPU-hour') },
    A100: { usdPerHour: 1.79, source: lambda('8 × A100 SXM 80GB, $1.79 per GPU-hour') },
  },
};

function rentalInput(ctx: BuildContext, provider: ProviderClass): CellDef {
  const price = RENTAL_PRICES[provider][ctx.device.id];
  return input({
    id: `capital.rental_price_${provider}`, label: `Rental price (${provider === 'gpu_cloud' ? 'GPU cloud' : 'hyperscaler'})`,
    doc: `On-demand price of one ${ctx.device.id} for an hour from a ${provider === 'gpu_cloud' ? 'specialised GPU cloud' : 'hyperscale cloud'}; unset when no list price is recorded.`,
    unit: 'USD/s', displayUnit: 'USD/h', layer: 'E', wall: 17,
    default: price ? price.usdPerHour / HOUR : null, provenance: price ? 'catalogue' : 'default',
    ...(price ? { source: price.source } : {}),
    domain: { kind: 'number', min: 0, optional: true },
  });
}

export function costCells(ctx: BuildContext): CellDef[] {
  const lm = isLM(ctx.model.family);
  const training = ctx.mode === 'training';
  const wall = 17;
  const layer = 'E' as const;
  const cells: CellDef[] = [
    input({
      id: 'capital.cost_model', label: 'Cost model',
      doc: 'ownership: amortised purchase, maintenance and energy (TCO); rental: device-hours at the provider\'s price.',
      unit: 'enum', layer, wall, default: 'ownership', domain: { kind: 'choice', choices: COST_MODELS },
      source: { kind: 'spec', ref: 'physics.md Amendments, "Cost"' },
    }),
    input({
      id: 'capital.rental_provider', label: 'Rental provider class',
      doc: 'Which list price the rental model uses: a specialised GPU cloud or a hyperscaler.',
      unit: 'enum', layer, wall, default: 'gpu_cloud', domain: { kind: 'choice', choices: PROVIDER_CLASSES },
    }),
    rentalInput(ctx, 'gpu_cloud'),
    rentalInput(ctx, 'hyperscaler'),
    derived({
      id: 'capital.rental_price', label: 'Rental price', doc: 'The $/device-hour of the chosen provider class.',
      unit: 'USD/s', displayUnit: 'USD/h', layer, wall, formula: 'price = rental_price_<provider>',
      inputs: {
        provider: choice('capital.rental_provider', PROVIDER_CLASSES),
        gpuCloud: optNumber('capital.rental_price_gpu_cloud'), hyperscaler: optNumber('capital.rental_price_hyperscaler'),
      },
      compute: ({ provider, gpuCloud, hyperscaler }): ComputeResult => {
        const price = provider === 'gpu_cloud' ? gpuCloud : hyperscaler;
        return price ?? fail('missing_data', `no ${provider} rental price recorded for ${ctx.device.id}; set capital.rental_price_${provider} (USD/h)`);
      },
    }),
    derived({
      id: 'capital.rental_cost', label: 'Rental cost', doc: 'Device-hours of the period at the rental price (power and hosting included in the price).',
      unit: 'USD', layer, wall, formula: 'rental_cost = N·price·t',
      inputs: { devices: number('capital.num_devices'), price: number('capital.rental_price'), duration: number('capital.duration') },
      compute: ({ devices, price, duration }) => devices * price * duration,
    }),
    derived({
      id: 'capital.period_cost', label: 'Cost of the period', doc: 'The period\'s cost under the chosen cost model.',
      unit: 'USD', layer, wall, formula: 'period_cost = tco_usd (ownership) or rental_cost (rental)',
      // The model not chosen may be an error (no rental price, no unit cost) without blocking the chosen one.
      tolerateErrors: true,
      inputs: { model: choice('capital.cost_model', COST_MODELS), tco: optNumber('capital.tco_usd'), rental: optNumber('capital.rental_cost') },
      compute: ({ model, tco, rental }): ComputeResult => {
        const v = model === 'ownership' ? tco : rental;
        return v ?? fail('missing_data', model === 'ownership'
          ? `the ownership cost is unknown: capital.tco_usd is an error (a unit cost, TDP or price of ${ctx.device.id} is missing; see that cell)`
          : `the rental cost is unknown: no rental price for ${ctx.device.id} (set capital.rental_price_gpu_cloud or capital.rental_price_hyperscaler, USD/h)`);
      },
    }),
    derived({
      id: 'capital.cost_rate', label: 'Cost per hour', doc: 'The period\'s cost per unit of time (every cost term is proportional to the duration).',
      unit: 'USD/s', displayUnit: 'USD/h', layer, wall, formula: 'cost_rate = period_cost/t',
      inputs: { cost: number('capital.period_cost'), duration: number('capital.duration') },
      compute: ({ cost, duration }) => cost / duration,
    }),
  ];
  if (training) {
    cells.push(derived({
      id: 'capital.cost_per_training_run', label: 'Cost per training run',
      doc: 'The cost rate of the chosen model times the time to train (every cost term is proportional to the duration).',
      unit: 'USD', layer, wall, formula: 'cost_per_training_run = (period_cost/t)·time_to_train',
      inputs: { cost: number('capital.period_cost'), duration: number('capital.duration'), timeToTrain: number('complexity.time_to_train') },
      compute: ({ cost, duration, timeToTrain }) => (cost / duration) * timeToTrain,
    }));
  }
  if (lm && !training) cells.push(...perTokenCells());
  return cells;
}

/** Output tokens at the sustained rate Θ, input tokens at the compute-bound prefill rate. */
function perTokenCells(): CellDef[] {
  const wall = 17;
  const layer = 'E' as const;
  const perMillion = (rate: number, tokensPerSecond: number): ComputeResult =>
    tokensPerSecond > 0 ? (rate / tokensPerSecond) * 1e6 : fail('no_solution', 'no tokens are produced (throughput is 0)');
  return [
    derived({
      id: 'capital.prefill_token_rate', label: 'Prefill token rate',
      doc: 'Prompt tokens per second the fleet can prefill, compute-bound: each device at η·peak over the forward FLOPs per token.',
      unit: 'tokens/s', layer, wall, formula: 'Θ_in = N·η·peak_flops/forward_flops_per_token',
      inputs: {
        devices: number('capital.num_devices'), efficiency: number('software.efficiency_effective'), peak: number('hardware.peak_flops'),
        flopsPerToken: number('workload.forward_flops_per_token'),
      },
      compute: ({ devices, efficiency, peak, flopsPerToken }) => (devices * efficiency * peak) / flopsPerToken,
    }),
    derived({
      id: 'capital.cost_per_million_input_tokens', label: 'Cost per 1M input tokens',
      doc: 'What prefilling a million prompt tokens costs at the cost rate: rate/(Θ_in)·10⁶.',
      unit: 'USD', layer, wall, formula: 'cost_rate/Θ_in·10⁶',
      inputs: { rate: number('capital.cost_rate'), tokens: number('capital.prefill_token_rate') },
      compute: ({ rate, tokens }) => perMillion(rate, tokens),
    }),
    derived({
      id: 'capital.cost_per_million_output_tokens', label: 'Cost per 1M output tokens',
      doc: 'What generating a million tokens costs at the cost rate and the sustained throughput: rate/Θ·10⁶.',
      unit: 'USD', layer, wall, formula: 'cost_rate/Θ·10⁶',
      inputs: { rate: number('capital.cost_rate'), tokens: number('capital.sustained_throughput') },
      compute: ({ rate, tokens }) => perMillion(rate, tokens),
    }),
  ];
}
