import { ExpressAdapter } from '@nestjs/platform-express';
import type { Request, RequestHandler } from 'express';

interface RouterLayer {
  route?: { methods: Record<string, boolean> };
  match(path: string): boolean;
}

/**
 * Nest mounts its "no such route" handler under the global prefix only, so a path outside `/api/v1` fell through
 * to Express's HTML 404. This adapter mounts the same handler at the root too, after every route and every static
 * file a module registered (Nest calls it once routes and `onModuleInit` hooks are done), so that every unmatched
 * path ends in the one exception filter and answers problem+json.
 */
export class ProblemFallbackExpressAdapter extends ExpressAdapter {
  override setNotFoundHandler(handler: RequestHandler, prefix?: string, excludedRoutes?: unknown): unknown {
    const result = (super.setNotFoundHandler as (h: RequestHandler, p?: string, e?: unknown) => unknown)(
      handler,
      prefix,
      excludedRoutes,
    );
    if (prefix) this.use(handler);
    return result;
  }
}

/**
 * The methods of the routes matching the request's path, for a 405 with `Allow` when the path exists but not with
 * this method. Walks the application's route table (a few hundred layers; only on a miss).
 */
export function allowedMethods(req: Request): string[] {
  const stack = (req.app as unknown as { router?: { stack?: RouterLayer[] } } | undefined)?.router?.stack ?? [];
  // The full path: inside a mounted router (the prefix's not-found handler) `req.path` is relative to the mount.
  const path = (req.originalUrl ?? req.url ?? '').split(/[?#]/)[0];
  const methods = new Set<string>();
  for (const layer of stack) {
    const route = layer.route;
    // Middleware mounted for every method (`all`: the logger, the prefix's not-found handler) names no route.
    if (!route || route.methods._all || Object.keys(route.methods).length > 10) continue;
    let matches: boolean;
    try {
      matches = Boolean(layer.match(path));
    } catch {
      // A path whose percent-encoding cannot be decoded matches nothing.
      matches = false;
    }
    if (!matches) continue;
    for (const [m, on] of Object.entries(route.methods)) if (on) methods.add(m.toUpperCase());
  }
  if (methods.has('GET')) methods.add('HEAD');
  if (methods.has(req.method.toUpperCase())) return [];
  return [...methods].sort();
}
