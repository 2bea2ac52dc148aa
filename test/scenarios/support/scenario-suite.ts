import { afterAll, beforeAll } from 'vitest';
import { HttpDriver } from './http-driver';
import { createScenarioPlatform, type ScenarioPlatform } from './scenario-platform';

export interface ScenarioSuite {
  readonly p: ScenarioPlatform;
  readonly http: HttpDriver;
}

/** One platform + HTTP driver for the file (beforeAll / afterAll), the clock starting at `startAt`. */
export function scenarioSuite(startAt: string): ScenarioSuite {
  let platform: ScenarioPlatform | undefined;
  let driver: HttpDriver | undefined;
  beforeAll(async () => {
    platform = await createScenarioPlatform(startAt);
    driver = new HttpDriver(platform);
  }, 60_000);
  afterAll(async () => platform?.destroy());
  const ready = <T>(value: T | undefined): T => {
    if (!value) throw new Error('scenario platform not started (use it inside it/beforeAll)');
    return value;
  };
  return {
    get p() { return ready(platform); },
    get http() { return ready(driver); },
  };
}
