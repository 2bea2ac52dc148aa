import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { bootScriptPlugin } from './src/boot/boot-script.plugin';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = `http://localhost:${process.env.PORT ?? 3000}`;

export default defineConfig({
  root,
  plugins: [bootScriptPlugin(fileURLToPath(new URL('./src/boot/boot.ts', import.meta.url))), react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // The task list's first paint loaded 8 scripts (React, the router and six small shared chunks of
        // ours): with Chromium's 6 connections per host the early API requests waited for them. React,
        // the router and the app's shared basics are one chunk; the pages stay lazy chunks.
        codeSplitting: {
          groups: [{ name: 'app-core', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]|web[\\/]src[\\/](api|i18n|hooks|format|components)[\\/]/ }],
        },
      },
    },
  },
  server: {
    port: Number(process.env.WEB_DEV_PORT ?? 5173),
    proxy: { '/api': apiTarget, '/docs': apiTarget, '/health': apiTarget },
  },
});
