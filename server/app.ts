import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import './app-deps';
import type { AppDeps } from './app-deps';
import { errorBodySchema } from './errors';
import { authPlugin } from './plugins/auth.plugin';
import { errorHandlerPlugin } from './plugins/error-handler.plugin';
import { webAppPlugin } from './plugins/web-app.plugin';
import { registerMailWorkers } from './mail/mail-worker';
import { healthRoutes } from './routes/health.route';
import { apiRoutes } from './routes/index';
import { createServerEngine } from './workflow/server-engine';

export interface BuildAppOptions {
  deps: AppDeps;
  logger?: FastifyServerOptions['logger'];
}

/** Builds the HTTP app without listening, so tests drive it with app.inject(). */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    // Reject unknown properties and never coerce silently into another type (no mass assignment).
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true } },
    trustProxy: false,
  });
  app.decorate('deps', options.deps);
  app.decorate('engine', options.deps.engine ?? createServerEngine(options.deps.db, options.deps.clock));

  registerMailWorkers(app);
  app.addSchema(errorBodySchema);
  await app.register(errorHandlerPlugin);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // ajv (RJSF's validator, the same one the server runs) compiles each form schema with
        // new Function in the browser; see docs/decisions.md §9. Inline scripts stay forbidden.
        scriptSrc: ["'self'", "'unsafe-eval'"],
        // RJSF, bpmn-js and swagger-ui set inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Quy Trình API',
        description: 'Workflow and forms platform for drug-rehabilitation procedures (Vietnamese first, English second).',
        version: options.deps.version,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'qt_session', description: 'httpOnly session cookie set by POST /api/session/login' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token', description: 'csrfToken from login / GET /api/session; required on POST, PUT, PATCH, DELETE' },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });

  await app.register(authPlugin);
  await app.register((await import('./plugins/idempotency.plugin')).idempotencyPlugin);
  await app.register(healthRoutes);
  await app.register(apiRoutes);
  await app.register((await import('./workflow-runtime/workflow-runtime.plugin')).workflowRuntimePlugin);
  await app.register(webAppPlugin, { distDir: options.deps.config.webDistDir });
  return app;
}
