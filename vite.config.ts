import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

// The workbench page (index.html → src/ui/main.tsx). The library and CLI are built by tsc.
export default defineConfig({
  plugins: [solid()],
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { outDir: 'dist-web', target: 'es2022', sourcemap: false },
});
