import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/** A declared pipeline run (`pipelines/<name>.yaml`). Paths are relative to the repository root. */
export const PipelineDeclaration = z
  .object({
    name: z.string(),
    description: z.string().optional(),
    /** Folders or files to ingest. */
    inputs: z.array(z.string()).min(1),
    /** The warehouse file. */
    db: z.string(),
    /** Province the run serves: a clue for communes that share a name across provinces. */
    province: z.string().optional(),
    /** Commune the run's files come from ("xã Bản Thi, huyện Chợ Đồn"), for files that name none. */
    commune: z.string().optional(),
    /** Period for files that cannot tell their own (one-stop exports), e.g. "2024" or "2024-Q3". */
    period: z.string().optional(),
    max_file_mb: z.number().positive().default(200),
    /** Day of the month regulation windows start on (15 by Nghị định 09/2019, Art. 12). */
    cutoff_day: z.number().int().min(1).max(28).optional(),
    /** Reconciliation settings: source ids most trusted first (see catalog/reconcile-rules.yaml). */
    reconcile: z.object({ precedence: z.array(z.string()).min(1).optional() }).strict().optional(),
  })
  .strict();
export type PipelineDeclaration = z.infer<typeof PipelineDeclaration>;

export const PIPELINES_DIR = 'pipelines';

/** Reads `pipelines/<name>.yaml` (or a path to a .yaml file) and resolves its paths. */
export async function loadPipeline(nameOrPath: string, root = process.cwd()): Promise<PipelineDeclaration> {
  const file = nameOrPath.endsWith('.yaml') || nameOrPath.endsWith('.yml') ? resolve(nameOrPath) : join(root, PIPELINES_DIR, `${nameOrPath}.yaml`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new Error(`pipeline "${nameOrPath}" not found (looked for ${file})`);
  }
  const parsed = PipelineDeclaration.safeParse(parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const base = dirname(dirname(file));
  return { ...parsed.data, inputs: parsed.data.inputs.map((p) => resolve(base, p)), db: resolve(base, parsed.data.db) };
}
