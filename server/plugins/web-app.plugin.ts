import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { errorBody } from '../errors';

/** Serves the built web app; unknown non-API paths get index.html so client routes deep-link. */
export const webAppPlugin = fp(async (app: FastifyInstance, options: { distDir: string }) => {
  const indexFile = path.join(options.distDir, 'index.html');
  if (!existsSync(indexFile)) {
    app.log.warn({ distDir: options.distDir }, 'web app not built; only the API is served');
    return;
  }
  await app.register(fastifyStatic, {
    root: options.distDir, prefix: '/', wildcard: false, index: false, cacheControl: false,
    // Vite names every asset by its content hash: browsers keep them for a year without asking
    // again (a warm task list loaded its 5 scripts with a revalidation each). index.html and other
    // unhashed files are revalidated so a new build is picked up at once.
    setHeaders: (reply, filePath) => {
      const hashed = filePath.startsWith(path.join(options.distDir, 'assets') + path.sep);
      reply.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/', (_request, reply) => reply.sendFile('index.html'));
  // Client-side routes (/tasks/…, /cases/…) deep-link to the SPA; API paths keep JSON 404s.
  app.get('/*', (request, reply) => {
    const apiPath = /^\/(api|docs|health)(\/|$|\?)/.test(request.url);
    if (!apiPath && request.headers.accept?.includes('text/html')) return reply.sendFile('index.html');
    return reply.status(404).send(errorBody('ROUTE_NOT_FOUND'));
  });
});
