import { z } from 'zod';
import { ReviewImportResultSchema } from '../domain/reviewImport';
import { AnalysisChangesSchema } from './settings';
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
  z.object({ kind: z.literal('analysis'), identities: z.number().int(), changes: AnalysisChangesSchema.nullable().default(null) }),
  z.object({ kind: z.literal('export'), path: z.string(), format: z.enum(['xlsx', 'json']) }),
  z.object({ kind: z.literal('review'), result: ReviewImportResultSchema }),
]);
export type JobResult = z.infer<typeof JobResultSchema>;

export const JobDoneSchema = z.object({ jobId: z.string(), result: JobResultSchema });
export type JobDone = z.infer<typeof JobDoneSchema>;

/** Pushed by an import as each file ends, so its result shows while the next ones are read; `job:done` still carries them all. */
export const JobFileDoneSchema = z.object({ jobId: z.string(), outcome: ImportOutcomeSchema });
export type JobFileDone = z.infer<typeof JobFileDoneSchema>;

export const SerializedErrorSchema = z.object({
  name: z.string(),
  message: z.string(),
  code: z.string().optional(),
  stack: z.string().optional(),
});
export type SerializedError = z.infer<typeof SerializedErrorSchema>;

export const JobFailedSchema = z.object({ jobId: z.string(), kind: JobKindSchema, error: SerializedErrorSchema, cancelled: z.boolean() });
export type JobFailed = z.infer<typeof JobFailedSchema>;

export const MENU_COMMANDS = ['newEngagement', 'openEngagement', 'openRecent', 'openSample', 'importFiles', 'importFolder', 'export', 'closeEngagement'] as const;
export type MenuCommandName = (typeof MENU_COMMANDS)[number];

/**
 * Pushed by the desktop shell, not the engine: a menu item the renderer carries out with its own
 * actions, or a `.nhiaudit` file the OS asked to open (`openRecent` with its path).
 */
export const MenuCommandSchema = z
  .object({ command: z.enum(MENU_COMMANDS), path: z.string().min(1).optional() })
  .refine((c) => c.command !== 'openRecent' || c.path !== undefined, { message: 'openRecent needs a path', path: ['path'] });
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

/** Every event pushed to the renderer, by channel name. */
export const EVENTS = {
  'job:progress': JobProgressSchema,
  'job:done': JobDoneSchema,
  'job:failed': JobFailedSchema,
  'job:fileDone': JobFileDoneSchema,
  'menu:command': MenuCommandSchema,
} as const;
export type EventName = keyof typeof EVENTS;
export type EventPayload<E extends EventName> = z.infer<(typeof EVENTS)[E]>;
export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];
/** The events the engine emits; the rest come from the desktop shell itself. */
export const ENGINE_EVENT_NAMES = EVENT_NAMES.filter((e) => e !== 'menu:command');
