/**
 * The verification page the QR code on a license opens (`/v/{code}`): what a phone downloads to show it (the
 * document and everything it links: target ≤ 30 KB, no script), and the server's time for it beside the JSON
 * answers of the same check (`/v/{code}` with Accept: application/json, and `GET /api/v1/public/licenses/verify`).
 * Run by `npm run bench` (bench/run.ts) and alone by `npm run bench:public-pages` (bench/public-pages-run.ts).
 */
import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { load, LoadResult, readCpuMs } from './harness';
import { FigureRow, fmt, table, times, verdict } from './report';
import { API } from './seed';

export const TRANSFER_TARGET_BYTES = 30 * 1024;

interface Fetched {
  url: string;
  status: number;
  contentType: string;
  headerBytes: number;
  bodyBytes: number;
  gzipBytes: number;
  body: Buffer;
}

/** One GET over HTTP/1.1, counting the bytes of the status line and headers as sent, and of the body. */
function fetchCounted(url: string, accept: string): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { accept, 'accept-encoding': 'identity' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        let headerBytes = Buffer.byteLength(`HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n\r\n`);
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          headerBytes += Buffer.byteLength(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}\r\n`);
        }
        resolve({
          url,
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          headerBytes,
          bodyBytes: body.length,
          gzipBytes: gzipSync(body).length,
          body,
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Everything an HTML document makes a browser fetch: stylesheets, icons, images, scripts, frames. */
function linkedUrls(htmlText: string, base: string): string[] {
  const out = new Set<string>();
  for (const m of htmlText.matchAll(/<(link|img|script|iframe|source)\b[^>]*\b(href|src)="([^"]+)"/gi)) {
    out.add(new URL(m[3].replace(/&amp;/g, '&'), base).toString());
  }
  return [...out];
}

export interface PageTransfer {
  label: string;
  status: number;
  resources: { url: string; bytes: number; contentType: string }[];
  totalBytes: number;
  /** The bodies gzip-compressed, plus the same headers: what a compressing proxy would send. */
  totalGzipBytes: number;
  scripts: number;
}

async function pageTransfer(label: string, url: string): Promise<PageTransfer> {
  const doc = await fetchCounted(url, 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8');
  const linked = await Promise.all(linkedUrls(doc.body.toString('utf8'), url).map((u) => fetchCounted(u, '*/*')));
  const all = [doc, ...linked];
  const scripts =
    (doc.body.toString('utf8').match(/<script\b/gi)?.length ?? 0) +
    linked.filter((f) => /javascript|ecmascript/.test(f.contentType)).length;
  return {
    label,
    status: doc.status,
    resources: all.map((f) => ({
      url: new URL(f.url).pathname,
      bytes: f.headerBytes + f.bodyBytes,
      contentType: f.contentType,
    })),
    totalBytes: all.reduce((a, f) => a + f.headerBytes + f.bodyBytes, 0),
    totalGzipBytes: all.reduce((a, f) => a + f.headerBytes + f.gzipBytes, 0),
    scripts,
  };
}

export interface PublicPagesResult {
  transfers: PageTransfer[];
  loads: { key: string; label: string; result: LoadResult; cpuMs: number }[];
}

export interface PublicPagesOptions {
  baseUrl: string;
  /** The server's pid, for its CPU time per request. */
  pid: number;
  /** A license's number and verification code, as printed on it. */
  number: string;
  code: string;
  durationS: number;
  connections: number;
}

export async function measurePublicPages(o: PublicPagesOptions): Promise<PublicPagesResult> {
  const page = `/v/${o.code}`;
  const transfers = [
    await pageTransfer('verification page, valid license', `${o.baseUrl}${page}`),
    await pageTransfer('verification page, unknown code', `${o.baseUrl}/v/ABCDEFGHJKMNPQRSTVWXYZ0123`),
    await pageTransfer('registry search page', `${o.baseUrl}/registry?q=${encodeURIComponent('tin tức')}`),
  ];
  const query = new URLSearchParams({ number: o.number, code: o.code }).toString();
  const targets = [
    { key: 'page', label: '`GET /v/{code}`, HTML (a browser)', path: page, accept: 'text/html' },
    { key: 'pageJson', label: '`GET /v/{code}`, Accept: application/json', path: page, accept: 'application/json' },
    {
      key: 'api',
      label: '`GET /api/v1/public/licenses/verify?number&code`',
      path: `${API}/public/licenses/verify?${query}`,
      accept: 'application/json',
    },
  ];
  const loads: PublicPagesResult['loads'] = [];
  for (const connections of [1, o.connections]) {
    for (const tg of targets) {
      const headers = { accept: tg.accept };
      await load({ title: 'warm-up', url: `${o.baseUrl}${tg.path}`, connections, durationS: 1, headers });
      const cpu0 = readCpuMs(o.pid);
      const result = await load({
        title: `${tg.key} ×${connections}`,
        url: `${o.baseUrl}${tg.path}`,
        connections,
        durationS: o.durationS,
        headers,
      });
      const cpuMs = (readCpuMs(o.pid) - cpu0) / Math.max(1, result.statusCodes['200'] ?? 0);
      loads.push({ key: `${tg.key}@${connections}`, label: tg.label, result, cpuMs });
    }
  }
  return { transfers, loads };
}

export function publicPagesFigures(r: PublicPagesResult): FigureRow[] {
  const rows: FigureRow[] = [];
  const v = r.transfers[0];
  rows.push({
    figure: 'verification page `/v/{code}`: total transfer (document + stylesheet + icon)',
    measured: `${fmt(v.totalBytes)} bytes, ${v.scripts} script`,
    ceiling: '–',
    ratio: '–',
    target: `≤ ${fmt(TRANSFER_TARGET_BYTES)} bytes, no script`,
    verdict: verdict(v.status === 200 && v.totalBytes <= TRANSFER_TARGET_BYTES && v.scripts === 0),
    note: `uncompressed, headers included; ${fmt(v.totalGzipBytes)} bytes if gzipped by a proxy`,
  });
  const page = r.loads.find((l) => l.key === 'page@1');
  const api = r.loads.find((l) => l.key === 'api@1');
  if (page && api) {
    rows.push({
      figure: 'verification page, server time (one client) beside the JSON API',
      measured: `${fmt(page.result.meanMs, 2)} ms mean, ${fmt(page.cpuMs, 2)} ms CPU`,
      ceiling: `JSON ${fmt(api.result.meanMs, 2)} ms mean, ${fmt(api.cpuMs, 2)} ms CPU`,
      ratio: times(page.result.meanMs / api.result.meanMs),
      target: '–',
      verdict: 'n/a',
      note: 'both check the PDF signature and record the check in the audit chain (one transaction each)',
    });
  }
  return rows;
}

export function publicPagesSection(r: PublicPagesResult): string {
  const out: string[] = ['### Public pages: the verification page of the QR code', ''];
  out.push(
    table(
      ['page', 'status', 'resources (bytes, headers included)', 'total bytes', 'if gzipped', 'scripts'],
      r.transfers.map((t) => [
        t.label,
        String(t.status),
        t.resources.map((x) => `${x.url.replace(/^\/v\/[A-Z0-9]+$/, '/v/{code}')} ${fmt(x.bytes)}`).join(', '),
        fmt(t.totalBytes),
        fmt(t.totalGzipBytes),
        String(t.scripts),
      ]),
    ),
    '',
  );
  out.push(
    table(
      ['request', 'connections', 'req/s', 'mean ms', 'p50 ms', 'p99 ms', 'CPU ms/request', 'status codes'],
      r.loads.map((l) => [
        l.label,
        String(l.result.connections),
        fmt(l.result.rps),
        fmt(l.result.meanMs, 2),
        fmt(l.result.p50, 2),
        fmt(l.result.p99, 2),
        fmt(l.cpuMs, 2),
        Object.entries(l.result.statusCodes)
          .map(([k, n]) => `${k}: ${n}`)
          .join(', '),
      ]),
    ),
    '',
  );
  out.push(
    'Transfer: the document as a phone asks for it, and every stylesheet, icon, image or script it links, each ' +
      'fetched once without compression (the server does not compress; a proxy in front may). Server time: ' +
      "autocannon on the same license, one connection (latency) and the run's connection count (throughput); " +
      'every check, page or JSON, re-reads the latest PDF (cached by digest) to report its signature and appends a ' +
      '`license.verified` event to the audit chain in its own transaction.',
    '',
  );
  return out.join('\n');
}
