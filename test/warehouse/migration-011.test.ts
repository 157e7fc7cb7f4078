import { describe, expect, it } from 'vitest';
import { freshWarehouse } from '../reconcile/warehouse-io.js';
import { queryPlan as plan } from './query-plan.js';

describe('migration 011-link-lookups', () => {
  it("answers bundling's lookup of a bundle's links by either member from indexes, not by reading every link", async () => {
    const wh = await freshWarehouse();
    try {
      const either = plan(wh.sqlite, 'SELECT reason FROM document_links WHERE document_sha256 IN (?, ?) OR linked_sha256 IN (?, ?)', 'a', 'b', 'a', 'b');
      expect(either).not.toMatch(/SCAN document_links/);
      expect(either).toMatch(/document_links_by_linked/);
    } finally {
      await wh.close();
    }
  });
});
