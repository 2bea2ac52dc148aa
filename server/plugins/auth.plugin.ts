import { timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { defineAbilityFor, type AppAbility } from '../auth/abilities';
import type { Principal } from '../auth/principal';
import { resolveSessionPrincipal, SESSION_COOKIE } from '../auth/session.service';
import { AppError } from '../errors';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    ability: AppAbility | null;
    sessionId: string | null;
    csrfToken: string | null;
    sessionExpired: boolean;
  }
  interface FastifyContextConfig {
    /** No sign-in needed (login, public citizen forms, health). */
    public?: boolean;
    /** false: skip the CSRF header check (login only: there is no session yet). */
    csrf?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  void reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}

/**
 * Cookie sessions → request.principal + request.ability for every /api route; 401 unless the route
 * is public; CSRF double-submit check (`x-csrf-token` = the session's token) on state changes.
 */
export const authPlugin = fp(async (app: FastifyInstance) => {
  await app.register(cookie);
  await app.register(rateLimit, { global: false, hook: 'preHandler' });
  app.decorateRequest('principal', null);
  app.decorateRequest('ability', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionExpired', false);

  app.addHook('onRequest', async (request: FastifyRequest) => {
    // The matched route pattern, not the raw URL (no bypass through encodings of "/api/").
    const route = request.routeOptions.url ?? request.url;
    if (!route.startsWith('/api/') && !request.url.toLowerCase().startsWith('/api/')) return;
    const config = request.routeOptions.config ?? {};
    const { db, clock, config: appConfig } = app.deps;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const { lookup: found, principal } = await resolveSessionPrincipal(
        db, token, { now: clock.now(), idleMinutes: appConfig.sessionIdleMinutes, ttlMinutes: appConfig.sessionTtlMinutes },
      );
      if (found.state === 'active') {
        if (principal) {
          request.principal = principal;
          request.ability = defineAbilityFor(principal);
          request.sessionId = found.id;
          request.csrfToken = found.csrfToken;
        }
      } else if (found.state === 'expired') {
        request.sessionExpired = true;
      }
    }
    if (config.public) return;
    if (!request.principal) throw new AppError(request.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    if (!SAFE_METHODS.has(request.method) && config.csrf !== false) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, request.csrfToken ?? '')) throw new AppError('CSRF_INVALID');
    }
  });
});

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
