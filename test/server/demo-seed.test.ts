import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { ServerDatabase } from '../../server/db/schema';
import { runSeeders } from '../../server/seed/index';
import { demoSeed } from '../../server/seed/demo-data';
import { buildTestApp, loginAs } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';

describe('demo seed', () => {
  let t: TestDatabase<ServerDatabase>;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await createTestDatabase<ServerDatabase>();
    app = await buildTestApp(t.db);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
  });

  it('should seed the workflows demo province idempotently', async () => {
    const first = await runSeeders(t.db);
    const second = await runSeeders(t.db);

    expect(first.identity.users).toBe(demoSeed.users.length);
    expect(first.identity.persons).toBe(demoSeed.persons!.length);
    expect(second.identity).toMatchObject({ users: 0, persons: 0, agencies: 0, jurisdictions: 0 });
  });

  it('should let every demo user sign in with the documented demo password', async () => {
    for (const user of demoSeed.users) {
      const s = await loginAs(app, user.username, demoSeed.demoPassword);
      expect(s.csrfToken).toEqual(expect.any(String));
    }
  });

  it('should show a commune police officer only the persons of that commune', async () => {
    const s = await loginAs(app, 'ca.xa1', demoSeed.demoPassword);
    const list = await app.inject({ method: 'GET', url: '/api/persons?limit=200', headers: s.headers });
    const communes = new Set((list.json().items as { commune_code: string }[]).map((p) => p.commune_code));

    expect(list.json().total).toBeGreaterThan(0);
    expect([...communes]).toEqual(['99130']);
  });
});
