#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (run `npm run build` first).
import('../dist/cli/main.js').then((m) => m.main(process.argv)).catch((err) => {
  console.error(`cchc: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
