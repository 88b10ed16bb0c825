import { z } from 'zod';
import { SeveritySchema } from '../domain/vocabulary';
import { FindingSchema } from './dto';

export const FindingQuerySchema = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
  severities: z.array(SeveritySchema).optional(),
  ruleIds: z.array(z.string().max(100)).max(100).optional(),
  /** A framework requirement id (NHI7:2025, PR.AA-05, Tenet 6). */
  requirement: z.string().max(40).optional(),
  search: z.string().max(200).optional(),
});
export type FindingQuery = z.input<typeof FindingQuerySchema>;

export const FindingPageSchema = z.object({ total: z.number().int(), rows: z.array(FindingSchema) });
export type FindingPage = z.infer<typeof FindingPageSchema>;

/** A rule's outcome in the last analysis: "skipped" carries why, so it is never read as "no findings". */
export const RuleResultSchema = z.object({
  ruleId: z.string(),
  status: z.enum(['pass', 'fail', 'skipped']),
  reason: z.string().nullable(),
  findings: z.number().int(),
});
export type RuleResult = z.infer<typeof RuleResultSchema>;
