/**
 * What bench/browser.ts runs inside the page (through `page.evaluate`), timed with
 * performance.now() and requestAnimationFrame. Kept apart so it reads as page code: nothing
 * here may refer to Node or to a variable outside its own function, because playwright sends
 * each function's source text to the page.
 *
 * A slider drag is modelled the way Chromium delivers one: continuous input (pointermove →
 * `input`) is dispatched aligned to animation frames, just before the frame's rAF callbacks
 * run, and the DOM changes it causes are styled, laid out and painted in that same frame. So
 * each edit is dispatched from a rAF callback, and the edit is "painted" when a message posted
 * from that callback arrives: tasks run only after the frame's rendering (style, layout, paint)
 * has finished.
 */

export interface EditTimings {
  /** Input event → the end of the frame that shows its result, ms, per edit. */
  readonly editToPaint: number[];
  /** Input event → the handler returned with the DOM updated (script only), ms, per edit. */
  readonly script: number[];
  /** The same frame round trip with no edit, on the idle page before the drag, ms. */
  readonly emptyFrame: number[];
  /** Edits whose new value was not in the DOM at the end of their frame (each then waited a frame more). */
  readonly late: number;
}

export interface DragOptions {
  /** The key-input field to drive, e.g. `[data-key-input="scenario.batch_size"] input`. */
  readonly field: string;
  /**
   * A DOM element on screen whose text (or `title`, with `probeTitle`) changes with every edit:
   * the edit counts as shown when it has changed.
   */
  readonly probe: string;
  readonly probeTitle?: boolean;
  /** The values, in order; the first `warmup` are not recorded. */
  readonly values: readonly number[];
  readonly warmup: number;
  /** How many empty frames to time first, as the baseline. */
  readonly emptyFrames: number;
}

/**
 * Times `emptyFrames` empty frames of the idle page (the baseline: what a frame costs with
 * nothing to do), then drives the field through `values` (one `change` event per value, as the
 * field commits on change), one edit per frame, timing each edit to its painted frame.
 */
export async function dragInPage(o: DragOptions): Promise<EditTimings> {
  const field = document.querySelector<HTMLInputElement>(o.field);
  if (!field) throw new Error(`no element ${o.field}`);
  const probeText = (): string | null => {
    const el = document.querySelector(o.probe);
    return (o.probeTitle ? el?.getAttribute('title') : el?.textContent) ?? null;
  };
  const afterFrame = (): Promise<number> =>
    new Promise((ok) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => ok(performance.now());
      ch.port2.postMessage(0);
    });
  const nextFrame = (): Promise<number> => new Promise((ok) => requestAnimationFrame(ok));
  const inFrame = <T>(fn: () => Promise<T>): Promise<T> =>
    new Promise((ok, fail) => requestAnimationFrame(() => { fn().then(ok, fail); }));

  const out: EditTimings = { editToPaint: [], script: [], emptyFrame: [], late: 0 };
  for (let i = 0; i < o.emptyFrames; i++) {
    out.emptyFrame.push(await inFrame(async () => {
      const t0 = performance.now();
      return (await afterFrame()) - t0;
    }));
  }
  let late = 0;
  for (let i = 0; i < o.values.length; i++) {
    const record = i >= o.warmup;
    const before = probeText();
    const edit = await inFrame(async () => {
      const t0 = performance.now();
      field.value = String(o.values[i]);
      field.dispatchEvent(new Event('change', { bubbles: true }));
      const script = performance.now() - t0;
      let painted = await afterFrame();
      for (let extra = 0; probeText() === before && extra < 30; extra++) {
        if (extra === 0 && record) late++;
        await nextFrame();
        painted = await afterFrame();
      }
      if (probeText() === before) throw new Error(`the page did not show batch size ${o.values[i]} within 30 frames`);
      return { script, paint: painted - t0 };
    });
    if (record) {
      out.editToPaint.push(edit.paint);
      out.script.push(edit.script);
    }
  }
  return { ...out, late };
}

/**
 * Resolves once the page has made no DOM change for `quietMs` (or after `maxMs`): after its
 * first render the workbench still opens its workbook storage, which may rebuild the view, and
 * an edit made before that could be undone by it.
 */
export function settle([quietMs, maxMs]: readonly [number, number]): Promise<boolean> {
  return new Promise((ok) => {
    const start = performance.now();
    let last = start;
    const seen = new MutationObserver(() => { last = performance.now(); });
    seen.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    const check = () => {
      const now = performance.now();
      if (now - last >= quietMs || now - start >= maxMs) {
        seen.disconnect();
        ok(now - last >= quietMs);
      } else setTimeout(check, 50);
    };
    setTimeout(check, 50);
  });
}

/** The time origin → the first-render mark of the app (or of the blank page), ms; undefined until set. */
export function markTime(name: string): number | undefined {
  return performance.getEntriesByName(name, 'mark')[0]?.startTime;
}

/** First contentful paint, ms after the time origin (undefined until painted). */
export function firstContentfulPaint(): number | undefined {
  return performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
}
