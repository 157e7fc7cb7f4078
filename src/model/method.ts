import { z } from 'zod';

/** How a figure was obtained: an appendix table, a sentence of the narrative, or the one-stop-shop system. */
export const Method = z.enum(['table', 'narrative', 'onestop']);
export type Method = z.infer<typeof Method>;
