/**
 * The one place pdf.js is loaded. Every other file imports pdf.js's values from here (types may
 * come from the package directly: they are erased).
 *
 * Why not a plain `import … from 'pdfjs-dist/legacy/build/pdf.mjs'`: the legacy build (the one
 * that runs on Node without a DOM) bundles core-js, which *replaces* built-ins it judges faulty
 * with JavaScript versions. On Node 20 (V8 11.3) it replaces `Array.prototype.push`, for every
 * array of the process, by a loop that is several times slower: a tenth of a report's
 * extraction time went into it, in pdf.js and in our own code alike (profiled with
 * `node --cpu-prof bench/pdf.ts`). The fault it corrects (the error thrown when pushing onto an
 * array whose length is read-only) never arises here. Replacements of built-ins that existed
 * before are undone; additions (features Node 20 lacks and pdf.js needs) are kept.
 *
 * The worker is loaded here too and handed to pdf.js as `globalThis.pdfjsWorker` (pdf.js's
 * documented hook for running its worker on the main thread): otherwise pdf.js imports it on the
 * first document and its own core-js copy would replace the built-ins again. On Node, pdf.js has
 * no real worker thread anyway; running it in-thread is what it does by default.
 */

/** The prototypes and namespaces whose built-ins core-js may replace. */
const HOLDERS: readonly object[] = [
  Array.prototype,
  Array,
  Object,
  String.prototype,
  Function.prototype,
  Promise,
  Promise.prototype,
  Map.prototype,
  Set.prototype,
  Math,
  JSON,
  Reflect,
  Object.getPrototypeOf(Uint8Array.prototype) as object,
];

type Snapshot = Map<object, Map<PropertyKey, PropertyDescriptor>>;

function snapshot(): Snapshot {
  return new Map(
    HOLDERS.map((holder) => [holder, new Map(Reflect.ownKeys(holder).map((k) => [k, Object.getOwnPropertyDescriptor(holder, k)!]))]),
  );
}

/** Puts back every built-in present before that was replaced since; returns the names restored. */
function restore(before: Snapshot): string[] {
  const restored: string[] = [];
  for (const [holder, props] of before) {
    for (const [key, was] of props) {
      const now = Object.getOwnPropertyDescriptor(holder, key);
      if (!now || (now.value === was.value && now.get === was.get && now.set === was.set)) continue;
      if (!now.configurable) continue;
      Object.defineProperty(holder, key, was);
      restored.push(String(key));
    }
  }
  return restored;
}

const before = snapshot();
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
/** A variable specifier: the worker bundle ships no type declarations. */
const WORKER = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
const worker = (await import(WORKER)) as { WorkerMessageHandler: unknown };
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
/** Built-ins pdf.js's bundle replaced and we put back (on Node 20: `push`). */
export const RESTORED_BUILTINS: readonly string[] = restore(before);

export const { getDocument, OPS } = pdfjs;
