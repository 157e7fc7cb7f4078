import { describe, expect, it } from 'vitest';
import { freshWarehouse } from '../reconcile/warehouse-io.js';
import { queryPlan as plan } from './query-plan.js';

describe('migration 010-document-lookups', () => {
  it("answers bundling's lookups of documents by folder, report number and bundle from indexes, not by reading every document", async () => {
    const wh = await freshWarehouse();
    try {
      // The folder lookup of pipeline/bundles.ts: a range of paths.
      expect(plan(wh.sqlite, "SELECT sha256 FROM documents WHERE status = 'loaded' AND path >= ? AND path < ?", 'a/b/', 'a/b0')).toMatch(/USING INDEX documents_by_path/);
      const byNumber = plan(wh.sqlite, "SELECT sha256 FROM documents WHERE status = 'loaded' AND (report_number = ? OR attached_number = ?)", '12/BC', '12/BC');
      expect(byNumber).toMatch(/documents_by_report_number/);
      expect(byNumber).toMatch(/documents_by_attached_number/);
      expect(plan(wh.sqlite, "SELECT sha256 FROM documents WHERE status = 'loaded' AND bundle_key = ?", 'k')).toMatch(/USING INDEX documents_by_bundle/);
    } finally {
      await wh.close();
    }
  });
});
