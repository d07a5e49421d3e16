import { defineConfig, type Plugin, type Rolldown } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';

type ChunkingContext = Rolldown.ChunkingContext;

const THEME = '#16202c'; // the header's ink (src/ui/styles.css --ink)

/** The theme colour and the home-screen icon in the page's head (the plugin adds the manifest link). */
function headTags(): Plugin {
  let base = '/';
  return {
    name: 'mlsysim-head-tags',
    configResolved: (config) => {
      base = config.base;
    },
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { name: 'theme-color', content: THEME }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'apple-touch-icon', href: `${base}apple-touch-icon-180x180.png` }, injectTo: 'head' },
    ],
  };
}

/**
 * One chunk for everything the page loads at start: the modules the entry reaches by static
 * imports. Left to itself the bundler splits them into a dozen chunks shared with the lazy
 * panels, and a dozen files compress worse than one (docs/performance.md §7c: the split cost
 * as much as the panels moved out). Modules only the lazy panels reach stay in their chunks.
 */
function startChunk(): (id: string, ctx: ChunkingContext) => string | null {
  const atStart = new Map<string, boolean>();
  /** Whether a chain of static imports leads from an entry to the module (dynamic imports do not count). */
  const reachesEntry = (id: string, ctx: ChunkingContext): boolean => {
    const seen = new Set([id]);
    for (const queue = [id]; queue.length > 0;) {
      const info = ctx.getModuleInfo(queue.pop()!);
      if (!info) continue;
      if (info.isEntry) return true;
      for (const i of info.importers) {
        if (atStart.get(i) === true) return true;
        if (!seen.has(i)) {
          seen.add(i);
          queue.push(i);
        }
      }
    }
    return false;
  };
  return (id, ctx) => {
    let start = atStart.get(id);
    if (start === undefined) {
      start = reachesEntry(id, ctx);
      atStart.set(id, start);
    }
    return start ? 'index' : null;
  };
}

// The workbench page (index.html → src/ui/main.tsx), built into dist-web/: static files that any
// static host serves from its root. The service worker (Workbox, generateSW) precaches every
// file of the build, so after one visit the page opens and works with the network off; a new
// build waits until the user reloads (registerType 'prompt', src/ui/components/offline). The
// dev server runs without it. The library and CLI are built by tsc.
export default defineConfig({
  plugins: [
    solid(),
    headTags(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false, // main.tsx registers it through virtual:pwa-register
      includeAssets: ['icon.svg', 'apple-touch-icon-180x180.png'],
      manifest: {
        name: 'MLSys·im Workbench',
        short_name: 'MLSys·im',
        description: 'A first-principles calculator for ML systems: every quantity a cell in a reactive graph, every change traced.',
        theme_color: THEME,
        background_color: '#f6f8fa',
        display: 'standalone',
        start_url: '.',
        scope: '.',
        icons: [
          { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' },
          { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png' },
          { src: 'maskable-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // Minified, without Workbox's console logging, whatever NODE_ENV the build runs under (tests set 'test').
        mode: 'production',
        // Every file of the build, lazy chunks included (the YAML reader, the report, workbox-window).
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // The first visit's page is controlled as soon as the worker activates (so it is offline-ready).
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
      devOptions: { enabled: false },
    }),
  ],
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    outDir: 'dist-web',
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: startChunk(), debugName: 'start' }] } } },
  },
});
