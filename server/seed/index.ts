import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../db/schema';
import { seedIdentity, type SeedResult } from './identity.seeder';
import { demoSeed } from './demo-data';

export type { DemoSeed } from './demo-seed.types';
export { seedIdentity } from './identity.seeder';

export interface SeedSummary {
  identity: SeedResult;
  logins: { username: string; displayName: string; roles: string[] }[];
  password: string;
}

/** Idempotent: safe on every start. */
export async function runSeeders(db: Kysely<ServerDatabase>): Promise<SeedSummary> {
  const identity = await seedIdentity(db, demoSeed);
  return {
    identity,
    logins: demoSeed.users.map((u) => ({ username: u.username, displayName: u.displayName, roles: u.roles })),
    password: demoSeed.demoPassword,
  };
}
