import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The console, built into admin/dist and served by the server at /admin. Everything is bundled. */
export default defineConfig({
  root,
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
    rolldownOptions: {
      // GraphiQL's packages start modules with "use no memo" (a React compiler hint); bundling
      // drops it harmlessly, so the warning is noise in every `npm start`.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: { port: 5173, proxy: { '/graphql': 'http://localhost:4000' } },
});
