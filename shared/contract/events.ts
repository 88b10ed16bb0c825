import { z } from 'zod';
import { ReviewImportResultSchema } from '../domain/reviewImport';
import { ImportOutcomeSchema } from './dto';

export const JOB_KINDS = ['import', 'analysis', 'export', 'review'] as const;
export const JobKindSchema = z.enum(JOB_KINDS);
export type JobKind = z.infer<typeof JobKindSchema>;

/** Pushed while a job runs. `bytes`/`totalBytes` describe the current file; `rows` counts rows read so far in it. */
export const JobProgressSchema = z.object({
  jobId: z.string(),
  kind: JobKindSchema,
  phase: z.string(),
  file: z.string().nullable(),
  fileIndex: z.number().int(),
  fileCount: z.number().int(),
  bytes: z.number(),
  totalBytes: z.number(),
  rows: z.number().int(),
  rowsPerSecond: z.number(),
  fraction: z.number().min(0).max(1),
});
export type JobProgress = z.infer<typeof JobProgressSchema>;

export const JobResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('import'), outcomes: z.array(ImportOutcomeSchema), analysed: z.boolean() }),
  z.object({ kind: z.literal('analysis'), identities: z.number().int() }),
  z.object({ kind: z.literal('export'), path: z.string(), format: z.enum(['xlsx', 'json']) }),
  z.object({ kind: z.literal('review'), result: ReviewImportResultSchema }),
]);
export type JobResult = z.infer<typeof JobResultSchema>;

export const JobDoneSchema = z.object({ jobId: z.string(), result: JobResultSchema });
export type JobDone = z.infer<typeof JobDoneSchema>;

export const SerializedErrorSchema = z.object({
  name: z.string(),
  message: z.string(),
  code: z.string().optional(),
  stack: z.string().optional(),
});
export type SerializedError = z.infer<typeof SerializedErrorSchema>;

export const JobFailedSchema = z.object({ jobId: z.string(), kind: JobKindSchema, error: SerializedErrorSchema, cancelled: z.boolean() });
export type JobFailed = z.infer<typeof JobFailedSchema>;

/** Every event the engine pushes, by channel name. */
export const EVENTS = {
  'job:progress': JobProgressSchema,
  'job:done': JobDoneSchema,
  'job:failed': JobFailedSchema,
} as const;
export type EventName = keyof typeof EVENTS;
export type EventPayload<E extends EventName> = z.infer<(typeof EVENTS)[E]>;
export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];
