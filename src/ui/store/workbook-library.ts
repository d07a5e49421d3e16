/**
 * The workbook-level actions of the session: start (share link, the view's workbook, the last
 * opened one, or a first workbook from the default scenario), list, open, new, duplicate,
 * rename, delete, examples, file import / export and share links.
 *
 * Everything that arrives from outside — a file, a link, an example — is stored as a NEW
 * workbook (persist's `store.add`: a fresh id, a suffixed name when the name is taken), so an
 * import never overwrites what the user has. Every failure becomes a message naming what could
 * not be done and why; the open workbook stays open.
 */
import {
  cleanName, decodeWorkbook, exampleWorkbook, exportScenarioPlan, exportWorkbookFile, encodeWorkbook, formatBytes, LINK_PARAM,
  listExamples, MAX_WORKBOOK_JSON_BYTES, PersistError, planToWorkbook, readWorkbookFile,
} from '../../persist/index.js';
import type { ExampleInfo, ExportedFile, WorkbookList } from '../../persist/index.js';
import type { PlanExport, Workbook } from '../../scenario/index.js';
import { memoryBackend } from './memory-backend.js';
import { buildRepaired } from './repair-desc.js';
import { buildDesc } from './scenario-store.js';
import { DEFAULT_DESC, entryLabel, type ScenarioDesc, toScenarioDocument } from './scenario-desc.js';
import { decodeViewState } from './url-state.js';
import { canonicalJson, newWorkbook } from './workbook-doc.js';
import type { SessionCore } from './workbook-session.js';

/** What an <input type=file> gives (a File), or a test's stand-in. */
export interface ImportedFile {
  readonly name: string;
  readonly size: number;
  text(): Promise<string>;
}

export interface WorkbookLibrary {
  /** Opens the page's workbook (see the file comment); never throws. */
  start(): Promise<void>;
  /** Every stored workbook and every broken entry. Throws PersistError (the list dialog shows it). */
  list(): Promise<WorkbookList>;
  open(id: string): Promise<boolean>;
  /** A new workbook with the default scenario (Llama3_8B on one H100). */
  create(): Promise<boolean>;
  duplicate(id: string): Promise<boolean>;
  rename(id: string, name: string): Promise<boolean>;
  remove(id: string): Promise<boolean>;
  discardBroken(key: string): Promise<boolean>;
  examples(): ExampleInfo[];
  /** Stores an editable copy of example `id` and opens it. */
  openExample(id: string): Promise<boolean>;
  /** A `.json` workbook or an mlsysim plan (`.yaml`) → a new workbook, opened. Files over the size limit are not read. */
  importFile(file: ImportedFile): Promise<boolean>;
  /** A share-link payload (the text after `wb=`) → a new workbook, opened. */
  importLink(payload: string): Promise<boolean>;
  exportJson(): ExportedFile | undefined;
  /** The scenario as an mlsysim plan, or undefined (the message says why). Async: YAML loads on first use. */
  exportPlan(scenarioId: string): Promise<(ExportedFile & PlanExport) | undefined>;
  /** `base` + `#wb=<payload>` for the open workbook, or undefined (the message says why). */
  shareUrl(base: string): Promise<string | undefined>;
}

/** "Llama3_8B on H100": the document's name, else mlsysim's scenario string. */
export function descLabel(d: ScenarioDesc): string {
  if (d.extras?.name) return d.extras.name;
  const where = d.system ?? (d.extras?.fleet ? 'a fleet' : entryLabel(d.hardware));
  return `${entryLabel(d.model)} on ${where}`;
}

/** The fields the URL's view carries, for "is this the same scenario?". */
const viewKey = (d: ScenarioDesc): string =>
  canonicalJson({
    m: d.model, h: d.hardware, s: d.system, mode: d.mode, r: d.region, d: d.opsDays,
    o: Object.fromEntries(Object.entries(d.overrides).map(([k, v]) => [k, typeof v === 'number' && !Number.isFinite(v) ? String(v) : v])),
  });

/** The description as the page can show it (unknown choices replaced), or undefined when even that cannot be built. */
function repairedDesc(desc: ScenarioDesc): ScenarioDesc | undefined {
  try {
    return buildRepaired(desc, buildDesc).desc;
  } catch {
    return undefined;
  }
}

function firstFree(base: string, names: readonly string[]): string {
  const taken = new Set(names);
  for (let n = 1; ; n++) if (!taken.has(`${base} ${n}`)) return `${base} ${n}`;
}

export function createLibrary(core: SessionCore): WorkbookLibrary {
  const { log, scenario } = core;

  const remember = async (id: string): Promise<void> => {
    try {
      await core.store().setLastOpened(id);
    } catch (e) {
      log.fail('Could not remember the last opened workbook', e);
    }
  };

  /** Shows a stored workbook and makes it the one a reload opens. */
  const openDoc = async (wb: Workbook, scenarioId?: string): Promise<boolean> => {
    if (!core.show(wb, scenarioId)) return false;
    await remember(wb.id);
    core.bumpList();
    return true;
  };

  /** Stores `wb` as a new workbook and opens it. */
  const adopt = async (wb: Workbook, suffix: string): Promise<Workbook | undefined> => {
    await core.flush();
    const added = await core.store().add(wb, suffix);
    return (await openDoc(added)) ? added : undefined;
  };

  const attempt = async <T>(what: string, run: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await run();
    } catch (e) {
      log.fail(what, e);
      return undefined;
    }
  };

  /** A new stored workbook holding `desc`, named `base` ("Workbook 1", "Workbook 2" … when `numbered` or taken). */
  const createFrom = async (desc: ScenarioDesc, base: string, numbered = false): Promise<boolean> => {
    const names = (await core.store().list()).workbooks.map((w) => w.name);
    const name = numbered || names.includes(base) ? firstFree(base, names) : base;
    const wb = newWorkbook(toScenarioDocument(desc), { name, scenarioName: descLabel(desc), now: core.now() });
    await core.flush();
    return openDoc(await core.store().save(wb, { touch: false }));
  };

  const openStored = async (id: string, scenarioId?: string): Promise<boolean> => {
    const wb = await attempt('Could not open the workbook', () => core.store().require(id));
    return wb !== undefined && openDoc(wb, scenarioId);
  };

  const importLink = async (payload: string): Promise<boolean> => {
    core.setPendingLink(payload);
    try {
      const wb = await attempt('Could not open the shared link', async () => adopt(await decodeWorkbook(payload), 'shared'));
      if (wb) log.say('info', `Opened the shared workbook as a new workbook, '${wb.name}'.`);
      return wb !== undefined;
    } finally {
      core.setPendingLink(undefined);
    }
  };

  /**
   * Opens the workbook the page starts with, then keeps an edit the user made while storage was
   * opening (nothing may replace it unseen): into the opened scenario when that is the one the
   * page was showing (a reload, or a first workbook made from the view), else as a workbook of
   * its own, shown — what the user sees stays what they edited.
   */
  const start = async (): Promise<void> => {
    const base = await openAtStart();
    const early = core.takeEarlyEdit();
    if (!early || viewKey(early) === viewKey(scenario.desc())) return;
    if (base === 'view') scenario.load({ ...early, extras: scenario.desc().extras });
    else await attempt('Could not keep the edit made while the workbooks were opening', () => createFrom(early, `${descLabel(early)} (edited while opening)`));
  };

  /** 'view': the opened scenario is the one the page showed at start (a reload or a new workbook made from it); 'other': another workbook's. */
  const openAtStart = async (): Promise<'view' | 'other'> => {
    const parts = core.startParts;
    let list: WorkbookList = { workbooks: [], broken: [] };
    let last: string | undefined;
    try {
      list = await core.store().list();
      last = await core.store().lastOpenedId();
      core.setSaveState('saved');
    } catch (e) {
      core.useBackend(memoryBackend(), 'memory');
      log.say('error', `${e instanceof PersistError ? e.message : String(e)}. Workbooks are kept in this tab only and are lost when it closes; export them as .json to keep them.`);
    }
    if (list.broken.length) {
      log.say('error', `${list.broken.length} stored workbook${list.broken.length === 1 ? '' : 's'} cannot be opened; the others are fine. See Workbooks to read why and discard ${list.broken.length === 1 ? 'it' : 'them'}.`);
    }
    if (parts.link !== undefined && (await importLink(parts.link))) return 'other';
    const view = parts.view ? decodeViewState(parts.view) : undefined;
    // A link's unknown model, device, system or region is replaced as the page showed it at start (repair-desc.ts).
    const urlDesc = view && !view.notice ? repairedDesc(view.state.desc) : undefined;
    const known = (id: string | undefined) => id !== undefined && list.workbooks.some((w) => w.id === id);
    // A reload: the view belongs to a stored workbook; the URL holds the newest state of its scenario.
    if (known(parts.workbookId) && (await openStored(parts.workbookId!, parts.scenarioId))) {
      if (urlDesc && viewKey(urlDesc) !== viewKey(scenario.desc())) scenario.load({ ...urlDesc, extras: scenario.desc().extras });
      return 'view';
    }
    const lastId = known(last) ? last : list.workbooks[0]?.id;
    if (lastId !== undefined && (await openStored(lastId))) {
      // A view from elsewhere (an old link) that shows something else: a new workbook, nothing replaced.
      if (urlDesc && viewKey(urlDesc) !== viewKey(scenario.desc())) {
        const kept = await attempt('Could not keep the linked scenario', () => createFrom(urlDesc, `${descLabel(urlDesc)} (from link)`));
        return kept ? 'view' : 'other';
      }
      return 'other';
    }
    const made = await attempt('Could not create a workbook', () => createFrom(urlDesc ?? DEFAULT_DESC, 'My workbook'));
    // Never left without a workbook ("Opening…" for good, edits not kept): the default scenario then.
    if (!made && urlDesc) await attempt('Could not create a workbook', () => createFrom(DEFAULT_DESC, 'My workbook'));
    return 'view';
  };

  return {
    start,
    list: () => core.store().list(),
    async open(id) {
      if (core.workbook()?.id === id) return true;
      await core.flush();
      return openStored(id);
    },
    create: async () => (await attempt('Could not create a workbook', () => createFrom(DEFAULT_DESC, 'Workbook', true))) ?? false,
    async duplicate(id) {
      if (core.workbook()?.id === id) await core.flush();
      const copy = await attempt('Could not duplicate the workbook', () => core.store().duplicate(id));
      core.bumpList();
      return copy !== undefined;
    },
    async rename(id, name) {
      const open = core.workbook();
      const done = await attempt('Could not rename the workbook', async () => {
        if (open?.id !== id) return core.store().rename(id, name);
        const renamed = { ...open, name: cleanName(name) };
        core.commit(renamed);
        await core.flush();
        return renamed;
      });
      core.bumpList();
      return done !== undefined;
    },
    async remove(id) {
      const isOpen = core.workbook()?.id === id;
      if (isOpen) await core.flush();
      const ok = (await attempt('Could not delete the workbook', async () => {
        await core.store().remove(id);
        return true;
      })) ?? false;
      core.bumpList();
      if (!ok || !isOpen) return ok;
      const rest = await attempt('Could not list workbooks', () => core.store().list());
      const next = rest?.workbooks[0];
      if (next && (await openStored(next.id))) return true;
      return (await attempt('Could not create a workbook', () => createFrom(DEFAULT_DESC, 'Workbook', true))) ?? false;
    },
    async discardBroken(key) {
      const ok = await attempt('Could not discard the entry', async () => {
        await core.store().discardBroken(key);
        return true;
      });
      core.bumpList();
      return ok ?? false;
    },
    examples: () => listExamples(),
    openExample: async (id) => (await attempt('Could not open the example', () => adopt(exampleWorkbook(id), 'copy'))) !== undefined,
    async importFile(file) {
      const filename = file.name;
      const wb = await attempt(`Could not import ${filename}`, async () => {
        if (file.size > MAX_WORKBOOK_JSON_BYTES) {
          throw new PersistError('too_large', `the file is too large (${formatBytes(file.size)}; the limit is ${formatBytes(MAX_WORKBOOK_JSON_BYTES)})`);
        }
        const text = await file.text();
        const plan = /\.ya?ml$/i.test(filename) || (!/\.json$/i.test(filename) && !text.trimStart().startsWith('{'));
        if (!plan) return adopt(readWorkbookFile(text, filename), 'imported');
        const { workbook, warnings } = await planToWorkbook(text, { filename, now: core.now });
        for (const w of warnings) log.say('info', `${filename}: ${w}`);
        return adopt(workbook, 'imported');
      });
      return wb !== undefined;
    },
    importLink,
    exportJson() {
      const wb = core.workbook();
      if (!wb) return undefined;
      try {
        return exportWorkbookFile(wb);
      } catch (e) {
        log.fail('Could not export the workbook', e);
        return undefined;
      }
    },
    async exportPlan(scenarioId) {
      const wb = core.workbook();
      if (!wb) return undefined;
      try {
        const file = await exportScenarioPlan(wb, scenarioId);
        if (file.dropped.length) log.say('info', `The plan file cannot express: ${file.dropped.join('; ')}.`);
        return file;
      } catch (e) {
        log.fail('Could not export the plan', e);
        return undefined;
      }
    },
    async shareUrl(base) {
      const wb = core.workbook();
      if (!wb) return undefined;
      return attempt('Could not make a share link', async () => `${base.replace(/#.*$/, '')}#${LINK_PARAM}=${await encodeWorkbook(wb)}`);
    },
  };
}
