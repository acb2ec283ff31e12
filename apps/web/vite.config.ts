import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = process.env.RED_ENGINE_API ?? 'http://127.0.0.1:3000';

/**
 * One Vite project, two HTML entry points:
 *  - index.html   → the admin console, served at `/`
 *  - m/index.html → the member H5 pages, served at `/m/`
 */
export default defineConfig({
  base: '/',
  plugins: [react()],
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
