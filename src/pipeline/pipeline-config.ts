import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/** What happens to files once read. Nothing is ever deleted. */
const FilesDeclaration = z
  .object({
    /** keep: leave loaded files where they are (the warehouse marks them, and skips them unread next time); move: to `loaded_to`. */
    loaded: z.enum(['keep', 'move']).default('keep'),
    loaded_to: z.string().optional(),
    /** keep: leave rejected files (retried every run); quarantine: move to `quarantine_to` with `<name>.reason.txt` beside. */
    rejected: z.enum(['keep', 'quarantine']).default('keep'),
    quarantine_to: z.string().optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.loaded === 'move' && !f.loaded_to) ctx.addIssue({ code: 'custom', path: ['loaded_to'], message: 'required when loaded is "move": the folder loaded files go to' });
    if (f.rejected === 'quarantine' && !f.quarantine_to) ctx.addIssue({ code: 'custom', path: ['quarantine_to'], message: 'required when rejected is "quarantine": the folder rejected files go to' });
  });

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
    files: FilesDeclaration.optional(),
    /** How long a write waits for an analyst's lock before the run fails. */
    busy_timeout_s: z.number().positive().default(60),
    /** How long the end-of-run WAL checkpoint waits for readers before it gives up (and says so). */
    checkpoint_wait_s: z.number().min(0).default(5),
  })
  .strict();
export type PipelineDeclaration = z.infer<typeof PipelineDeclaration>;

export const PIPELINES_DIR = 'pipelines';

/** A pipeline declaration that does not validate: one line per wrong setting. */
export class InvalidPipeline extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(problems.map((p) => `${file}: ${p}`).join('\n'));
  }
}

/** Reads `pipelines/<name>.yaml` (or a path to a .yaml file) and resolves its paths. */
export async function loadPipeline(nameOrPath: string, root = process.cwd()): Promise<PipelineDeclaration> {
  const file = nameOrPath.endsWith('.yaml') || nameOrPath.endsWith('.yml') ? resolve(nameOrPath) : join(root, PIPELINES_DIR, `${nameOrPath}.yaml`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new Error(`pipeline "${nameOrPath}" not found (looked for ${file})`);
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (err) {
    throw new InvalidPipeline(file, [`not valid YAML: ${(err as Error).message.split('\n')[0]}`]);
  }
  const parsed = PipelineDeclaration.safeParse(raw);
  if (!parsed.success) throw new InvalidPipeline(file, parsed.error.issues.map(describeIssue));
  const base = dirname(dirname(file));
  const at = (p: string) => resolve(base, p);
  const files = parsed.data.files;
  return {
    ...parsed.data,
    inputs: parsed.data.inputs.map(at),
    db: at(parsed.data.db),
    ...(files
      ? { files: { ...files, ...(files.loaded_to ? { loaded_to: at(files.loaded_to) } : {}), ...(files.quarantine_to ? { quarantine_to: at(files.quarantine_to) } : {}) } }
      : {}),
  };
}

/** "files.rejected: Invalid option: expected one of "keep"|"quarantine"", or the top level's own problem. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? issue.path.join('.') : '(top level)';
  return `${where}: ${issue.message}`;
}
