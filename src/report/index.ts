export { buildReport } from './report.js';
export type { ReportScope } from './data.js';
