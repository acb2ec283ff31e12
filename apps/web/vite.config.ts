import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const apiTarget = process.env.RED_ENGINE_API ?? 'http://127.0.0.1:3000';

/** Dev server: deep links under /m/ (e.g. /m/me) open the H5 entry, like the production server does. */
function mobileFallback(): Plugin {
  return {
    name: 'red-engine-mobile-fallback',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const url = req.url ?? '';
        const accept = req.headers.accept ?? '';
        const path = url.split('?')[0] ?? '';
        if ((path === '/m' || path.startsWith('/m/')) && !path.includes('.') && accept.includes('text/html')) {
          req.url = '/m/index.html';
        }
        next();
      });
    },
  };
}

/**
 * One Vite project, two HTML entry points:
 *  - index.html   → the admin console, served at `/`
 *  - m/index.html → the member H5 pages, served at `/m/`
 */
export default defineConfig({
  base: '/',
  plugins: [react(), mobileFallback()],
  resolve: {
    // The workspace root hoists an older React for other packages; always bundle the one next to this app.
    dedupe: ['react', 'react-dom'],
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        console: resolve(import.meta.dirname, 'index.html'),
        mobile: resolve(import.meta.dirname, 'm/index.html'),
      },
    },
  },
});
