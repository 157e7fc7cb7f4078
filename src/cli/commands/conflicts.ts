import { type Command, Option } from 'commander';
import { formatOption, type OutputFormat } from '../output.js';
import { DEFAULT_DB } from './ingest.js';

const SEVERITIES = ['info', 'minor', 'major'] as const;

interface ConflictsOptions {
  commune?: string;
  period?: string;
  indicator?: string;
  severity?: (typeof SEVERITIES)[number];
  format: OutputFormat;
  db: string;
}

export function register(program: Command): void {
  program
    .command('conflicts')
    .description('list what reconciliation found: sources that disagree, figures that do not add up, rates that do not match their fractions')
    .option('--commune <code|name>', 'only this commune (code, or name as printed)')
    .option('--period <key>', 'only this period (2024, 2024-Q3, …)')
    .option('--indicator <key>', 'only conflicts involving this indicator key')
    .addOption(new Option('--severity <level>', 'only this severity or worse').choices(SEVERITIES))
    .addOption(formatOption())
    .option('--db <path>', 'warehouse file', DEFAULT_DB)
    .action(async (opts: ConflictsOptions) => {
      const { openWarehouseReadOnly } = await import('../../warehouse/index.js');
      const { render } = await import('../output.js');
      const { codeLabel } = await import('../../export/index.js');
      const wh = await openWarehouseReadOnly(opts.db);
      try {
        const where: string[] = [];
        const params: unknown[] = [];
        if (opts.commune) {
          // A name as analysts type it ("Bản Thi") resolves like an override's commune does.
          const { resolveCommune } = await import('../../reconcile/overrides.js');
          let key = opts.commune;
          try {
            key = resolveCommune(wh, opts.commune);
          } catch {
            // Unknown here: the filter simply matches nothing.
          }
          where.push('commune_key = ?');
          params.push(key);
        }
        if (opts.period) {
          where.push('period_key = ?');
          params.push(opts.period.trim().toUpperCase());
        }
        if (opts.indicator) {
          where.push(`EXISTS (SELECT 1 FROM json_each(conflicts.indicators) WHERE json_each.value = ?)`);
          params.push(opts.indicator);
        }
        if (opts.severity) {
          const worse = SEVERITIES.slice(SEVERITIES.indexOf(opts.severity));
          where.push(`severity IN (${worse.map(() => '?').join(', ')})`);
          params.push(...worse);
        }
        const rows = wh.sqlite
          .prepare(
            `SELECT id, COALESCE(commune_name, commune_key) AS commune, commune_code, period_key AS period, severity, kind, verdict,
                    indicators, rule, message, decision, values_json
             FROM conflicts ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
             ORDER BY commune_key, period_key, CASE severity WHEN 'major' THEN 0 WHEN 'minor' THEN 1 ELSE 2 END, kind, rule, id`,
          )
          .all(...params) as Record<string, string>[];
        const shaped = rows.map((r) => {
          const vi = { severity_vi: codeLabel('severity', r.severity), kind_vi: codeLabel('kind', r.kind) };
          return opts.format === 'json'
            ? { ...r, ...vi, indicators: JSON.parse(r.indicators!) as unknown, values: JSON.parse(r.values_json!) as unknown, values_json: undefined }
            : { id: r.id, commune: r.commune, period: r.period, severity: r.severity, kind: r.kind, verdict: r.verdict, indicators: (JSON.parse(r.indicators!) as string[]).join(' '), message: r.message, decision: r.decision, ...vi };
        });
        console.log(render(shaped, opts.format));
      } finally {
        await wh.close();
      }
    });
}
