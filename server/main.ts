import { ConfigError, loadConfig } from './config/config';
import { startPlatform, type Platform } from './platform';

/** `npm start`: one clear line on bad configuration, never a stack trace. */
async function main(): Promise<void> {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  let platform: Platform | undefined;
  try {
    const config = loadConfig();
    const pretty = process.stdout.isTTY ? { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } : undefined;
    platform = await startPlatform({ config, say, logger: { level: config.logLevel, ...(pretty ? { transport: pretty } : {}) } });
    installShutdown(platform, say);
    try {
      await platform.app.listen({ port: config.port, host: config.host });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ConfigError(
        code === 'EADDRINUSE' ? `port ${config.port} is already in use (set PORT to another port)` : `cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`,
      );
    }
    const address = platform.app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    say('');
    say(`Quy Trình đang chạy / is running: http://localhost:${port}  (API docs: http://localhost:${port}/docs)`);
    say(`Cơ sở dữ liệu / database: ${platform.embedded ? 'embedded PostgreSQL in .data/pg' : 'DATABASE_URL'}`);
    if (platform.seed) {
      say(`Tài khoản demo / demo logins (mật khẩu / password: ${platform.seed.password}):`);
      for (const login of platform.seed.logins) say(`  ${login.username.padEnd(18)} ${login.roles.join(',').padEnd(22)} ${login.displayName}`);
    }
    say('Ctrl-C để dừng / to stop.');
  } catch (error) {
    await platform?.stop().catch(() => undefined);
    const message = error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error);
    process.stderr.write(`quy-trinh: ${message.split('\n')[0]}\n`);
    process.exit(1);
  }
}

function installShutdown(platform: Platform, say: (line: string) => void): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal}: đang dừng / stopping …`);
    platform.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
