import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * Starts one of this folder's worker threads by its file's base name. From dist the worker is the
 * compiled .js file beside this one. From the sources (tsx, vitest) it is the .ts file, which a plain
 * worker cannot load: a one-line bootstrap imports it through tsx's API (a dev dependency, there
 * whenever the sources run).
 */
export function startWorker(name: 'splitter-worker' | 'file-reader-worker', workerData: unknown, resourceLimits: ResourceLimits): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, import.meta.url), { workerData, resourceLimits });
  // tsx's ESM API (the CommonJS one mis-resolves from an eval worker); its path, as an import resolves it.
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL(`./${name}.ts`, import.meta.url).href;
  return new Worker(`import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}));`, { eval: true, workerData, resourceLimits });
}
