import type { Command } from 'commander';
import { DEFAULT_DB } from './ingest.js';

interface ConflictsOptions {
  commune?: string;
  period?: string;
  indicator?: string;
  severity?: string;
  format: string;
  db: string;
}

export function register(program: Command): void {
  program
    .command('conflicts')
    .description('list what reconciliation found: sources that disagree, figures that do not add up, rates that do not match their fractions')
    .option('--commune <code|name>', 'only this commune (code, or name as printed)')
    .option('--period <key>', 'only this period (2024, 2024-Q3, …)')
    .option('--indicator <key>', 'only conflicts involving this indicator key')
    .option('--severity <level>', 'only this severity or worse: info, minor, major')
    .option('--format <format>', 'table, csv or json', 'table')
    .option('--db <path>', 'warehouse file', DEFAULT_DB)
    .action(async (opts: ConflictsOptions) => {
      const { openWarehouse } = await import('../../warehouse/index.js');
      const { render, parseFormat } = await import('../output.js');
      const format = parseFormat(opts.format);
      const levels = ['info', 'minor', 'major'];
      if (opts.severity && !levels.includes(opts.severity)) throw new Error(`unknown severity "${opts.severity}" (info, minor, major)`);
      const wh = await openWarehouse(opts.db);
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
          where.push(`severity IN (${levels.slice(levels.indexOf(opts.severity)).map(() => '?').join(', ')})`);
          params.push(...levels.slice(levels.indexOf(opts.severity)));
        }
        const rows = wh.sqlite
          .prepare(
            `SELECT id, COALESCE(commune_name, commune_key) AS commune, commune_code, period_key AS period, severity, kind, verdict,
                    indicators, rule, message, decision, values_json
             FROM conflicts ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
             ORDER BY commune_key, period_key, CASE severity WHEN 'major' THEN 0 WHEN 'minor' THEN 1 ELSE 2 END, kind, rule, id`,
          )
          .all(...params) as Record<string, string>[];
        const shaped = rows.map((r) =>
          format === 'json'
            ? { ...r, indicators: JSON.parse(r.indicators!) as unknown, values: JSON.parse(r.values_json!) as unknown, values_json: undefined }
            : { id: r.id, commune: r.commune, period: r.period, severity: r.severity, kind: r.kind, verdict: r.verdict, indicators: (JSON.parse(r.indicators!) as string[]).join(' '), message: r.message, decision: r.decision },
        );
        console.log(render(shaped, format));
      } finally {
        await wh.close();
      }
    });
}
