import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webAppPlugin } from '../../../server/plugins/web-app.plugin';

describe('web app plugin', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'qt-web-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Quy Trình</title>');
    writeFileSync(path.join(dir, 'assets', 'index-Duxpgwf9.js'), 'console.log(1);');
    writeFileSync(path.join(dir, 'favicon.svg'), '<svg/>');
    app = Fastify();
    await app.register(webAppPlugin, { distDir: dir });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should let browsers keep content-hashed assets for a year without revalidating', async () => {
    // when
    const response = await app.inject({ method: 'GET', url: '/assets/index-Duxpgwf9.js' });

    // then
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('should make browsers revalidate index.html, deep links and unhashed files', async () => {
    // when
    const index = await app.inject({ method: 'GET', url: '/' });
    const deepLink = await app.inject({ method: 'GET', url: '/tasks/123', headers: { accept: 'text/html' } });
    const favicon = await app.inject({ method: 'GET', url: '/favicon.svg' });

    // then
    expect([index.statusCode, deepLink.statusCode, favicon.statusCode]).toEqual([200, 200, 200]);
    expect(deepLink.body).toContain('Quy Trình');
    expect([index.headers['cache-control'], deepLink.headers['cache-control'], favicon.headers['cache-control']]).toEqual(['no-cache', 'no-cache', 'no-cache']);
  });
});
