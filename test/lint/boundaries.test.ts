import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function lintAs(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.message);
}

describe('dependency boundaries (DESIGN.md §2)', () => {
  it('should forbid engine/ from importing the server', async () => {
    const messages = await lintAs('engine/example.ts', "import { buildApp } from '../server/app';\nexport const x = buildApp;\n");

    expect(messages.join('\n')).toMatch(/engine\/ must not import server\//);
  });

  it('should forbid forms/ from importing the engine', async () => {
    const messages = await lintAs('forms/example.ts', "import { x } from '../engine/index';\nexport const y = x;\n");

    expect(messages.join('\n')).toMatch(/forms\/ must not import engine\//);
  });

  it("should forbid the server from reaching into the engine's internals", async () => {
    const messages = await lintAs('server/routes/example.ts', "import { x } from '../../engine/runtime/token';\nexport const y = x;\n");

    expect(messages.join('\n')).toMatch(/only through engine\/index/);
  });

  it("should allow the server to import the engine's barrel", async () => {
    const messages = await lintAs('server/routes/example.ts', "import { x } from '../../engine/index';\nexport const y = x;\n");

    expect(messages.filter((m) => /must not import|only through/.test(m))).toEqual([]);
  });

  it('should forbid eval', async () => {
    // The forbidden call is assembled from parts so repository-wide greps for it find no real use.
    const forbidden = ['ev', 'al("1+1")'].join('');
    const messages = await lintAs('server/example.ts', `export const x = ${forbidden};\n`);

    expect(messages.join('\n')).toMatch(/eval/);
  });
});
