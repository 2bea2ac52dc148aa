// `npm run dev`: the API with restart-on-change (tsx watch) and the web app with hot reload (Vite),
// whose dev server proxies /api, /docs and /health to the API.
import { spawn, type ChildProcess } from 'node:child_process';

const children: ChildProcess[] = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'server/main.ts'], { stdio: 'inherit', env: { ...process.env, WEB_DIST_DIR: process.env.WEB_DIST_DIR ?? 'web/dist' } }),
  spawn('npx', ['vite', '--config', 'web/vite.config.ts'], { stdio: 'inherit' }),
];
const stopAll = () => {
  for (const child of children) child.kill('SIGINT');
};
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);
for (const child of children) child.on('exit', (code) => code && code !== 0 && stopAll());
