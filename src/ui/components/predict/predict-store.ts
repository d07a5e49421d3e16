/**
 * Predict, then reveal (the labs' "prediction lock"): the lecturer picks a number to predict
 * and hides the new values; the change is made; the class guesses (typed, or on a slider); the
 * reveal shows the value, the guess and the error factor guess / actual. While hidden the
 * story view shows "?" for every new value and the page's headline hides its numbers.
 */
import { type Accessor, batch, createSignal, untrack } from 'solid-js';
import { type CellValue, type LiveGraph, parseQuantity } from '../../../graph/index.js';
import { displayUnitFor, type DisplayUnit } from '../sweep/display-units.js';

export type PredictPhase = 'off' | 'hidden' | 'revealed';

export interface PredictResult {
  /** SI values. */
  readonly actual: number;
  readonly guess: number;
  /** guess / actual: 1 is exact, 2 guessed twice the value, 0.5 half. */
  readonly factor: number;
}

export interface PredictStore {
  readonly phase: Accessor<PredictPhase>;
  /** The cell the class predicts. */
  readonly target: Accessor<string | undefined>;
  /** Its value when the prediction began (shown as "before"). */
  readonly before: Accessor<CellValue | undefined>;
  /** The unit a guess is typed in (the cell's display unit: ms, TB/s, t). */
  unit(): DisplayUnit;
  readonly guessText: Accessor<string>;
  setGuessText(text: string): void;
  /** The guess in SI, or undefined while the text is not a number of the cell's kind. */
  guess(): number | undefined;
  /** Why the guess text is not read. */
  problem(): string | undefined;
  /** Hides the new values and waits for a guess of `target`. */
  arm(target: string): void;
  /** Shows the value beside the guess; undefined (and nothing changes) without a readable guess or value. */
  reveal(): PredictResult | undefined;
  readonly result: Accessor<PredictResult | undefined>;
  /** Back to showing everything. */
  stop(): void;
}

export function createPredictStore(graph: Accessor<LiveGraph>): PredictStore {
  const [phase, setPhase] = createSignal<PredictPhase>('off');
  const [target, setTarget] = createSignal<string>();
  const [before, setBefore] = createSignal<CellValue>();
  const [guessText, setGuessText] = createSignal('');
  const [result, setResult] = createSignal<PredictResult>();
  const [unitAtArm, setUnit] = createSignal<DisplayUnit>({ unit: '', scale: 1 });

  const read = (): { value?: number; problem?: string } => {
    const id = target();
    const t = guessText().trim();
    if (!id || t === '') return { problem: 'type a number' };
    const du = unitAtArm();
    const bare = Number(t);
    if (Number.isFinite(bare)) return { value: bare * du.scale };
    try {
      return { value: parseQuantity(t, graph().def(id).unit) };
    } catch (e) {
      return { problem: e instanceof Error ? e.message : String(e) };
    }
  };

  return {
    phase,
    target,
    before,
    unit: unitAtArm,
    guessText,
    setGuessText,
    guess: () => read().value,
    problem: () => read().problem,
    arm(id) {
      const g = untrack(graph);
      const def = g.def(id);
      const now = g.get(id);
      batch(() => {
        setTarget(id);
        setBefore(now);
        setUnit(displayUnitFor(def.unit, def.displayUnit, now.ok && typeof now.value === 'number' ? now.value : 1));
        setGuessText('');
        setResult(undefined);
        setPhase('hidden');
      });
    },
    reveal() {
      const id = untrack(target);
      const guess = untrack(read).value;
      const v = id ? untrack(graph).get(id) : undefined;
      if (guess === undefined || !v?.ok || typeof v.value !== 'number') return undefined;
      const r: PredictResult = { actual: v.value, guess, factor: guess / v.value };
      batch(() => {
        setResult(r);
        setPhase('revealed');
      });
      return r;
    },
    result,
    stop() {
      batch(() => {
        setPhase('off');
        setResult(undefined);
      });
    },
  };
}
