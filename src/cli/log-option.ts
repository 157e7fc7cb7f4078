import { Option } from 'commander';

/** How a run reports: `text` (a line per file and a summary, stdout) or `json` (JSON lines on stderr, pino). */
export type LogFormat = 'text' | 'json';

/** `--log text|json`, shared by the commands that run a pipeline. */
export function logOption(): Option {
  return new Option('--log <format>', 'text (a line per file on stdout) or json (JSON lines on stderr)').choices(['text', 'json']).default('text');
}
