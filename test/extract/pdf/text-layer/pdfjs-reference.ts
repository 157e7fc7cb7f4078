import { openPdf } from '../../../../src/extract/pdf/load.js';
import type { DirectTextLayer } from '../../../../src/extract/pdf/text-layer/text-layer.js';

/** What the comparison reads of a run: everything pdf.js gives but the font id (compared apart). */
export interface Run {
  readonly str: string;
  readonly width: number;
  readonly height: number;
  readonly transform: number[];
  readonly hasEOL: boolean;
}

/** A run of either reader, as compared. */
export const run = ({ str, width, height, transform, hasEOL }: { str: string; width: number; height: number; transform: readonly number[]; hasEOL: boolean }): Run => ({
  str,
  width,
  height,
  transform: [...transform],
  hasEOL,
});

/** Every page's runs as pdf.js's getTextContent gives them. */
export async function pdfjsRuns(bytes: Buffer): Promise<Run[][]> {
  const doc = await openPdf(bytes, 1000);
  try {
    const pages: Run[][] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const items = (await (await doc.getPage(p)).getTextContent()).items as { str: string; width: number; height: number; transform: number[]; hasEOL: boolean }[];
      pages.push(items.map(run));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** Every page's runs as the direct text layer gives them. */
export function directRuns(layer: DirectTextLayer): Run[][] {
  return layer.pages.map((p) => p.items.map(run));
}
