import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { INestApplication } from '@nestjs/common';
import { PUBLIC_KEY, ROLES_KEY } from '../../src/auth/access.decorators';
import { PUBLIC_PAGE_ROUTES } from '../../src/public-pages/routes';

export interface RouteInfo {
  method: string;
  path: string;
  controller: string;
  handler: string;
  public: boolean;
  roles: string[] | undefined;
}

function joinPath(...parts: (string | undefined)[]): string {
  return (
    '/' +
    parts
      .filter((p) => p !== undefined && p !== '' && p !== '/')
      .map((p) => String(p).replace(/^\/|\/$/g, ''))
      .join('/')
  ).replace(/\/+/g, '/');
}

/** The routes app.factory.ts registers outside the API prefix (the public pages), as joinPath writes them. */
const OUTSIDE_PREFIX = new Set<string>(PUBLIC_PAGE_ROUTES.map((p) => joinPath(p)));

/**
 * Every handler of every controller the application registered, with its access declaration and its real path:
 * under the API prefix, or at the root for the public pages.
 */
export function listRoutes(app: INestApplication, prefix = '/api/v1'): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const mod of app.get(ModulesContainer).values()) {
    for (const wrapper of mod.controllers.values()) {
      const ctrl = wrapper.metatype as (new (...a: unknown[]) => unknown) | undefined;
      if (!ctrl || !wrapper.instance) continue;
      const base = Reflect.getMetadata(PATH_METADATA, ctrl) as string | string[] | undefined;
      const proto = Object.getPrototypeOf(wrapper.instance) as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const fn = proto[name];
        if (name === 'constructor' || typeof fn !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, fn) as string | string[] | undefined;
        if (path === undefined) continue;
        const method = Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod;
        const isPublic = Boolean(Reflect.getMetadata(PUBLIC_KEY, fn) ?? Reflect.getMetadata(PUBLIC_KEY, ctrl));
        const roles = (Reflect.getMetadata(ROLES_KEY, fn) ?? Reflect.getMetadata(ROLES_KEY, ctrl)) as
          string[] | undefined;
        const own = joinPath(Array.isArray(base) ? base[0] : base, Array.isArray(path) ? path[0] : path);
        routes.push({
          method: RequestMethod[method],
          path: OUTSIDE_PREFIX.has(own) ? own : joinPath(prefix, own),
          controller: ctrl.name,
          handler: name,
          public: isPublic,
          roles,
        });
      }
    }
  }
  return routes;
}
