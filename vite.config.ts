import { defineConfig, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';

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
  build: { outDir: 'dist-web', target: 'es2022', sourcemap: false },
});
