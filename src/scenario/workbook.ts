/**
 * The workbook schema: what the browser saves and shares (DESIGN.md "Scenario, plan,
 * workbook"). Named scenarios, sweeps over any cell, notes, a schema version and timestamps,
 * and — for a lesson — its steps (what each says and the choices and edits it makes).
 *
 * Invariants checked here: scenario and sweep ids are unique; every sweep and the active
 * scenario name an existing scenario; `updated` is not before `created`. Older versions are
 * migrated by src/persist before validation; this schema accepts only the current version.
 */
import { z } from 'zod';
import { cellId, entryId, nonEmptyText, oneOf, positive, ruleError, showInput, strictMap, text } from './fields.js';
import { MODES, overridesSchema, scenarioSchema, sweepShape } from './schema.js';

export const WORKBOOK_SCHEMA_VERSION = 1;

const timestamp = () =>
  z.iso.datetime({ offset: true, error: ruleError('an ISO 8601 date-time such as 2025-01-31T12:00:00Z') });

export const workbookScenarioSchema = strictMap({
  id: nonEmptyText(),
  name: text(),
  scenario: scenarioSchema,
  notes: text().optional(),
});

export const workbookSweepSchema = strictMap({
  id: nonEmptyText(),
  scenario_id: nonEmptyText(),
  ...sweepShape,
});

/**
 * One step of a lesson: a title and a few sentences, then what the step changes — catalogue
 * choices (`pick`) and input cells (`set`, values may carry units) — applied on top of the
 * steps before it, starting from the lesson's `start` scenario. `predict` names a cell the
 * class guesses before the change is revealed.
 */
export const lessonStepSchema = strictMap({
  title: nonEmptyText(),
  text: text(),
  pick: strictMap({
    model: entryId().optional(),
    hardware: entryId().optional(),
    system: entryId().optional(),
    region: entryId().optional(),
    mode: oneOf(MODES).optional(),
    ops_days: positive().optional(),
  }).optional(),
  set: overridesSchema.optional(),
  predict: cellId().optional(),
});

/** A lesson: the scenario it starts from (kept apart from the workbook's scenarios, which follow the edits) and its steps. */
export const lessonSchema = strictMap({
  start: scenarioSchema,
  steps: z.array(lessonStepSchema, { error: ruleError('a list of steps') }).min(1, { error: ruleError('a list of at least one step') }),
});

export const workbookSchema = strictMap({
  schema_version: z.literal(WORKBOOK_SCHEMA_VERSION, {
    error: (issue) => `must be ${WORKBOOK_SCHEMA_VERSION} (the current workbook version; got ${showInput(issue.input)})`,
  }),
  id: nonEmptyText(),
  name: text(),
  created: timestamp(),
  updated: timestamp(),
  scenarios: z.array(workbookScenarioSchema, { error: ruleError('a list of scenarios') }),
  sweeps: z.array(workbookSweepSchema, { error: ruleError('a list of sweeps') }),
  notes: text(),
  active_scenario_id: nonEmptyText().optional(),
  /** Present when the workbook is a lesson: it opens in presentation mode at its first step. */
  lesson: lessonSchema.optional(),
}).superRefine((wb, ctx) => {
  const ids = new Set<string>();
  wb.scenarios.forEach((s, i) => {
    if (ids.has(s.id)) {
      ctx.addIssue({ code: 'custom', path: ['scenarios', i, 'id'], input: s.id, message: `must be unique (got '${s.id}' twice)` });
    }
    ids.add(s.id);
  });
  const sweepIds = new Set<string>();
  wb.sweeps.forEach((s, i) => {
    if (sweepIds.has(s.id)) {
      ctx.addIssue({ code: 'custom', path: ['sweeps', i, 'id'], input: s.id, message: `must be unique (got '${s.id}' twice)` });
    }
    sweepIds.add(s.id);
    if (!ids.has(s.scenario_id)) {
      ctx.addIssue({
        code: 'custom', path: ['sweeps', i, 'scenario_id'], input: s.scenario_id,
        message: `must name a scenario of this workbook (got '${s.scenario_id}'; scenarios: ${[...ids].join(', ') || 'none'})`,
      });
    }
  });
  if (wb.active_scenario_id !== undefined && !ids.has(wb.active_scenario_id)) {
    ctx.addIssue({
      code: 'custom', path: ['active_scenario_id'], input: wb.active_scenario_id,
      message: `must name a scenario of this workbook (got '${wb.active_scenario_id}'; scenarios: ${[...ids].join(', ') || 'none'})`,
    });
  }
  if (Date.parse(wb.updated) < Date.parse(wb.created)) {
    ctx.addIssue({ code: 'custom', path: ['updated'], input: wb.updated, message: `must not be before created (${wb.created})` });
  }
});

export type Workbook = z.infer<typeof workbookSchema>;
export type WorkbookScenario = z.infer<typeof workbookScenarioSchema>;
export type WorkbookSweep = z.infer<typeof workbookSweepSchema>;
export type Lesson = z.infer<typeof lessonSchema>;
export type LessonStep = z.infer<typeof lessonStepSchema>;
