/**
 * A lesson's steps as changes of the workbench's description: step k is the lesson's first
 * scenario with the choices (`pick`) and input edits (`set`) of steps 0…k applied in order.
 * Moving one step forward applies just that step's change (a traced switch or edit); any other
 * jump opens the description of the step it lands on.
 */
import type { OverrideValue } from '../../../scenario/index.js';
import type { LessonStep } from '../../../scenario/workbook.js';
import { type ScenarioDesc, withChoice } from '../../store/scenario-desc.js';

type Choice = Partial<Omit<ScenarioDesc, 'overrides' | 'extras' | 'pins'>>;

/** A step's change: the choice patch (absent when it picks nothing) and the input edits. */
export interface StepChange {
  readonly pick?: Choice;
  readonly set: Readonly<Record<string, OverrideValue>>;
}

export function stepChange(step: LessonStep): StepChange {
  const p = step.pick;
  const pick: Choice | undefined = p && {
    ...(p.model !== undefined ? { model: p.model } : {}),
    ...(p.hardware !== undefined ? { hardware: p.hardware } : {}),
    ...(p.system !== undefined ? { system: p.system } : {}),
    ...(p.region !== undefined ? { region: p.region } : {}),
    ...(p.mode !== undefined ? { mode: p.mode } : {}),
    ...(p.ops_days !== undefined ? { opsDays: p.ops_days } : {}),
  };
  return { ...(pick && Object.keys(pick).length ? { pick } : {}), set: step.set ?? {} };
}

/** The description at step `k` (0-based) of `steps`, from `base`. */
export function lessonDesc(base: ScenarioDesc, steps: readonly LessonStep[], k: number): ScenarioDesc {
  let desc = base;
  for (const step of steps.slice(0, k + 1)) {
    const c = stepChange(step);
    if (c.pick) desc = withChoice(desc, c.pick);
    if (Object.keys(c.set).length) desc = { ...desc, overrides: { ...desc.overrides, ...c.set } };
  }
  return desc;
}

/** The input a step invites the class to turn (its first edit), for the story's knob. */
export function stepKnob(step: LessonStep | undefined): string | undefined {
  return step?.set ? Object.keys(step.set)[0] : undefined;
}
