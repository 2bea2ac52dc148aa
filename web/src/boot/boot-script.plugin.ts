import { createHash } from 'node:crypto';
import { build, type Plugin } from 'vite';

/**
 * Puts `boot.ts` (this folder) in index.html's <head> as a small **classic** script, ahead of the app's
 * module bundle: it sends the session check and the first task list while the bundle loads (see
 * src/boot/early-requests.ts). The server's Content-Security-Policy forbids inline scripts, so it is
 * its own file, content-hashed under assets/ (cached as immutable like the other assets). A classic
 * script in <head> runs as soon as it arrives; module scripts wait for their whole import graph.
 *
 * In the dev server the same file is simply loaded as the first module script.
 */
export function bootScriptPlugin(entry: string): Plugin {
  let isBuild = false;
  let fileName = '';
  let code = '';
  return {
    name: 'quy-trinh-boot-script',
    configResolved(config) {
      isBuild = config.command === 'build';
    },
    async buildStart() {
      if (!isBuild) return;
      const result = await build({
        configFile: false,
        logLevel: 'silent',
        build: {
          write: false,
          minify: true,
          target: 'es2022',
          lib: { entry, formats: ['iife'], name: 'quyTrinhBoot', fileName: () => 'boot.js' },
        },
      });
      const outputs = Array.isArray(result) ? result : [result];
      const chunk = outputs.flatMap((o) => ('output' in o ? o.output : [])).find((o) => o.type === 'chunk');
      if (!chunk || chunk.type !== 'chunk') throw new Error(`boot script: no output for ${entry}`);
      code = chunk.code;
      fileName = `assets/boot-${createHash('sha256').update(code).digest('base64url').slice(0, 8)}.js`;
    },
    generateBundle() {
      if (isBuild) this.emitFile({ type: 'asset', fileName, source: code });
    },
    transformIndexHtml(html) {
      const tag = isBuild ? `<script src="/${fileName}"></script>` : '<script type="module" src="/src/boot/boot.ts"></script>';
      // Right after the charset declaration, before the stylesheet and the app's module scripts.
      const withTag = html.replace(/(<meta charset[^>]*>)/i, `$1\n    ${tag}`);
      if (withTag === html) throw new Error('boot script: index.html has no <meta charset>');
      return withTag;
    },
  };
}
