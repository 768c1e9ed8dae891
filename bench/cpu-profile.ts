/** Summarizes a V8 .cpuprofile (from node --cpu-prof): where the server's CPU time went, by package and function. */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
}

export interface ProfileSummary {
  totalMs: number;
  busyMs: number;
  byArea: { area: string; ms: number; share: number }[];
  byFunction: { fn: string; area: string; ms: number; share: number }[];
}

const IDLE = new Set(['(idle)', '(program)', '(root)']);

/** 'file:///…/node_modules/@nestjs/core/router/x.js' → '@nestjs/core'; app code → 'app src/<module>'. */
export function areaOf(url: string, fn: string): string {
  if (fn === '(garbage collector)') return '(garbage collector)';
  if (!url) return '(native / V8)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (nm) return nm[1];
  const app = /\/dist\/src\/([^/]+)\//.exec(url);
  if (app) return `app src/${app[1]}`;
  if (url.startsWith('node:')) return 'node core';
  return url.split('/').slice(-2).join('/');
}

export function summarizeCpuProfile(path: string, top = 15): ProfileSummary {
  const p = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  const totalMs = (p.endTime - p.startTime) / 1000;
  const perSampleMs = p.samples.length ? totalMs / p.samples.length : 0;
  const areas = new Map<string, number>();
  const fns = new Map<string, { area: string; ms: number }>();
  let busyMs = 0;
  for (const n of p.nodes) {
    const ms = (n.hitCount ?? 0) * perSampleMs;
    if (ms === 0 || IDLE.has(n.callFrame.functionName)) continue;
    busyMs += ms;
    const area = areaOf(n.callFrame.url, n.callFrame.functionName);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    const file = n.callFrame.url.split('/').slice(-1)[0] ?? '';
    const key = `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber + 1}`;
    const f = fns.get(key) ?? { area, ms: 0 };
    f.ms += ms;
    fns.set(key, f);
  }
  const share = (ms: number) => (busyMs ? ms / busyMs : 0);
  return {
    totalMs,
    busyMs,
    byArea: [...areas.entries()]
      .map(([area, ms]) => ({ area, ms, share: share(ms) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top),
    byFunction: [...fns.entries()]
      .map(([fn, v]) => ({ fn, area: v.area, ms: v.ms, share: share(v.ms) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top),
  };
}
