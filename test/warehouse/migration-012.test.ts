import { describe, expect, it } from 'vitest';
import { freshWarehouse } from '../reconcile/warehouse-io.js';
import { queryPlan as plan } from './query-plan.js';

describe('migration 012-error-lookups', () => {
  it("answers bundling's question whether a document already has a warning from an index, not by reading every error", async () => {
    const wh = await freshWarehouse();
    try {
      const seen = plan(wh.sqlite, "SELECT id FROM ingest_errors WHERE document_sha256 = ? AND stage = 'bundle' AND message = ?", 'a', 'm');
      expect(seen).not.toMatch(/SCAN ingest_errors/);
      expect(seen).toMatch(/ingest_errors_by_document/);
    } finally {
      await wh.close();
    }
  });
});
