/**
 * Wall status helpers (physics.md §11.1, §11.3): every wall defines `<scope>.active`,
 * `<scope>.status` ('PASS' | 'WARN' | 'FAIL') and `<scope>.status_reason` ('' when PASS).
 * Both status cells come from one pure judge so they can never disagree.
 */
import { type ArgsOf, type CellDef, derived, Failure, type InputMap, type Layer } from '../../graph/index.js';

export type WallStatus = 'PASS' | 'WARN' | 'FAIL';
export const WALL_STATUSES: readonly WallStatus[] = ['PASS', 'WARN', 'FAIL'];

export interface Verdict {
  readonly status: WallStatus;
  /** Why; '' when PASS. Several reasons are joined with '; '. */
  readonly reason: string;
}

/** Builds a verdict from the FAIL and WARN reasons found (FAIL wins). */
export function verdict(fails: readonly string[], warns: readonly string[]): Verdict {
  if (fails.length) return { status: 'FAIL', reason: fails.join('; ') };
  if (warns.length) return { status: 'WARN', reason: warns.join('; ') };
  return { status: 'PASS', reason: '' };
}

export interface StatusSpec<I extends InputMap> {
  readonly scope: string;
  readonly wall: number;
  readonly layer?: Layer;
  /** Display rule, e.g. "FAIL if latency > target and Compute-bound; …". */
  readonly formula: string;
  readonly inputs: I;
  readonly judge: (args: ArgsOf<I>) => Verdict | Failure;
}

/** `<scope>.status` and `<scope>.status_reason` from one judge. */
export function statusCells<I extends InputMap>(s: StatusSpec<I>): CellDef[] {
  const layer = s.layer ?? 'E';
  const common = { layer, wall: s.wall, formula: s.formula, inputs: s.inputs };
  return [
    derived({
      ...common,
      id: `${s.scope}.status`,
      label: `Wall ${s.wall} status`,
      doc: `PASS, WARN or FAIL for wall ${s.wall} by its status rules.`,
      unit: 'enum',
      compute: (args: ArgsOf<I>) => {
        const r = s.judge(args);
        return r instanceof Failure ? r : r.status;
      },
    }),
    derived({
      ...common,
      id: `${s.scope}.status_reason`,
      label: `Wall ${s.wall} status reason`,
      doc: `Why wall ${s.wall} has its status ('' when PASS).`,
      unit: 'text',
      compute: (args: ArgsOf<I>) => {
        const r = s.judge(args);
        return r instanceof Failure ? r : r.reason;
      },
    }),
  ];
}

/**
 * `<scope>.active` for a wall whose cells exist only when it applies (physics.md §11.3): the
 * graph is built per mode, so "active" is the constant true. `when` says when that is.
 */
export function alwaysActive(scope: string, wall: number, when = 'always'): CellDef {
  return derived({
    id: `${scope}.active`,
    label: `Wall ${wall} active`,
    doc: `Whether wall ${wall} applies to this scenario (${when}, physics.md §11.3).`,
    unit: 'bool',
    layer: 'E',
    wall,
    formula: when === 'always' ? 'always' : `active ⇔ ${when}`,
    inputs: {},
    compute: () => true,
  });
}

/** The reasons that apply: a rule written as `cond && 'reason'` yields false when it does not. */
export const reasons = (xs: readonly (string | false)[]): string[] => xs.filter((x): x is string => x !== false);

/** "≥ 90 % of target" tests use `target_margin` (physics.md §1.5, §11.3). */
export function nearTarget(value: number, target: number, margin: number): boolean {
  return value >= margin * target;
}
