/**
 * The PDF ceiling: pdfkit drawing the same license page with no application around it — PdfService.renderLicense
 * called in a loop in this process, fonts parsed once (as the server does at start-up), on the very `document`
 * stored for a seeded license version.
 */
import { performance } from 'node:perf_hooks';
import type { LicensePdfData } from '../src/pdf/pdf.types';
import { PdfService } from '../src/pdf/pdf.service';

export interface PdfBaseline {
  renders: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  bytes: number;
}

export async function pdfBaseline(doc: LicensePdfData, durationMs: number): Promise<PdfBaseline> {
  const pdf = new PdfService();
  pdf.onModuleInit();
  // Warm-up: JIT, and the first render's lazy work.
  for (let i = 0; i < 5; i += 1) await pdf.renderLicense(doc);
  const times: number[] = [];
  let bytes = 0;
  const end = performance.now() + durationMs;
  while (performance.now() < end) {
    const t0 = performance.now();
    const out = await pdf.renderLicense(doc);
    times.push(performance.now() - t0);
    bytes = out.length;
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return {
    renders: times.length,
    meanMs: times.reduce((a, b) => a + b, 0) / times.length,
    p50Ms: q(0.5),
    p99Ms: q(0.99),
    bytes,
  };
}
