import { z } from 'zod';
import {
  EngagementInfoSchema,
  FindingSchema,
  IdentityPageSchema,
  IdentityQuerySchema,
  IdentityRowSchema,
  ImportedFileSchema,
  IsoDateSchema,
  JobHandleSchema,
  SummarySchema,
} from './dto';
import { ImportKindSchema } from '../domain/importKinds';
import { IdentityClassSchema } from '../domain/vocabulary';
import { ReviewSchema } from '../domain/review';
import { CoverageSchema } from './coverage';
import { EngagementSettingsSchema } from './settings';
import { IdentityActivitySchema } from './activity';
import { FindingPageSchema, FindingQuerySchema, RuleResultSchema } from './findings';
import { SavedViewListSchema, SavedViewSchema } from './views';

/**
 * The one API contract. `engine` methods run in the engine worker; `shell` methods are the desktop
 * shell's own (native dialogs, revealing a file), answered by Electron main or by a test transport.
 */
export const METHODS = {
  'engagement:create': {
    handler: 'engine',
    request: z.object({
      path: z.string().min(1),
      name: z.string().max(200).default(''),
      customer: z.string().max(200).default(''),
      tenant: z.string().max(200).default(''),
      auditor: z.string().max(200).default(''),
      asOf: IsoDateSchema.nullable().default(null),
    }),
    response: EngagementInfoSchema,
  },
  'engagement:open': {
    handler: 'engine',
    request: z.object({ path: z.string().min(1) }),
    response: EngagementInfoSchema,
  },
  'engagement:openSample': {
    handler: 'engine',
    request: z.object({ path: z.string().min(1).optional() }),
    response: z.object({ engagement: EngagementInfoSchema, jobId: z.string() }),
  },
  'engagement:current': {
    handler: 'engine',
    request: z.object({}),
    response: EngagementInfoSchema.nullable(),
  },
  'engagement:close': {
    handler: 'engine',
    request: z.object({}),
    response: z.object({ closed: z.boolean() }),
  },
  'import:start': {
    handler: 'engine',
    request: z.object({
      paths: z.array(z.string().min(1)).min(1).max(10_000),
      kinds: z.record(z.string(), ImportKindSchema).default({}),
      analyse: z.boolean().default(true),
    }),
    response: JobHandleSchema,
  },
  'import:files': {
    handler: 'engine',
    request: z.object({}),
    response: z.array(ImportedFileSchema),
  },
  /** Records an imported file as the other kind its columns allow, then re-analyses (an analysis job with its changes). */
  'import:changeKind': {
    handler: 'engine',
    request: z.object({ fileId: z.number().int().positive(), kind: ImportKindSchema }),
    response: JobHandleSchema,
  },
  'analysis:run': {
    handler: 'engine',
    request: z.object({}),
    response: JobHandleSchema,
  },
  'settings:get': {
    handler: 'engine',
    request: z.object({}),
    response: z.object({ current: EngagementSettingsSchema, defaults: EngagementSettingsSchema }),
  },
  'settings:update': {
    handler: 'engine',
    request: EngagementSettingsSchema,
    /** Stores the settings and re-analyses; the job's result says what changed. */
    response: JobHandleSchema,
  },
  'job:cancel': {
    handler: 'engine',
    request: z.object({ jobId: z.string() }),
    response: z.object({ cancelled: z.boolean() }),
  },
  'identities:list': {
    handler: 'engine',
    request: IdentityQuerySchema,
    response: IdentityPageSchema,
  },
  'identities:get': {
    handler: 'engine',
    request: z.object({ id: z.number().int() }),
    response: IdentityRowSchema,
  },
  'identities:setOverride': {
    handler: 'engine',
    request: z.object({ id: z.number().int(), class: IdentityClassSchema.nullable(), reason: z.string().max(1000) }),
    response: IdentityRowSchema,
  },
  'identities:setReview': {
    handler: 'engine',
    request: z.object({ id: z.number().int(), review: ReviewSchema }),
    response: IdentityRowSchema,
  },
  'reviews:import': {
    handler: 'engine',
    request: z.object({ path: z.string().min(1), preferWorkbook: z.boolean().default(false) }),
    response: JobHandleSchema,
  },
  'findings:list': {
    handler: 'engine',
    request: FindingQuerySchema,
    response: FindingPageSchema,
  },
  'rules:results': {
    handler: 'engine',
    request: z.object({}),
    response: z.array(RuleResultSchema),
  },
  'findings:forIdentity': {
    handler: 'engine',
    request: z.object({ id: z.number().int() }),
    response: z.array(FindingSchema),
  },
  'identities:activity': {
    handler: 'engine',
    request: z.object({ id: z.number().int() }),
    response: IdentityActivitySchema,
  },
  'views:list': {
    handler: 'engine',
    request: z.object({}),
    response: SavedViewListSchema,
  },
  'views:save': {
    handler: 'engine',
    /** A view of the same name (ignoring case) is replaced in place. */
    request: SavedViewSchema,
    response: SavedViewListSchema,
  },
  'views:delete': {
    handler: 'engine',
    request: z.object({ name: z.string().max(200) }),
    response: SavedViewListSchema,
  },
  'summary:get': {
    handler: 'engine',
    request: z.object({}),
    response: SummarySchema,
  },
  'coverage:get': {
    handler: 'engine',
    request: z.object({}),
    response: CoverageSchema,
  },
  'export:workbook': {
    handler: 'engine',
    request: z.object({ outPath: z.string().min(1), asOf: IsoDateSchema.optional(), pseudonymize: z.boolean().default(false) }),
    response: JobHandleSchema,
  },
  'export:report': {
    handler: 'engine',
    request: z.object({ outPath: z.string().min(1), asOf: IsoDateSchema.optional(), pseudonymize: z.boolean().default(false) }),
    response: JobHandleSchema,
  },
  'dialog:openFiles': {
    handler: 'shell',
    request: z.object({ directories: z.boolean().default(false) }),
    response: z.array(z.string()),
  },
  'dialog:openEngagement': {
    handler: 'shell',
    request: z.object({}),
    response: z.string().nullable(),
  },
  'dialog:saveEngagement': {
    handler: 'shell',
    request: z.object({ suggestedName: z.string().max(200).default('engagement.nhiaudit') }),
    response: z.string().nullable(),
  },
  'dialog:saveWorkbook': {
    handler: 'shell',
    request: z.object({ suggestedName: z.string().max(200).default('governance.xlsx') }),
    response: z.string().nullable(),
  },
  'dialog:saveReport': {
    handler: 'shell',
    request: z.object({ suggestedName: z.string().max(200).default('report.json') }),
    response: z.string().nullable(),
  },
  'dialog:openWorkbook': {
    handler: 'shell',
    request: z.object({}),
    response: z.string().nullable(),
  },
  'shell:showInFolder': {
    handler: 'shell',
    request: z.object({ path: z.string().min(1) }),
    response: z.object({ shown: z.boolean() }),
  },
  'engagements:recent': {
    handler: 'shell',
    request: z.object({}),
    // Most recent first; the shell has already dropped files that no longer exist.
    response: z.array(z.object({ path: z.string(), name: z.string(), openedAt: z.string() })),
  },
} as const satisfies Record<
  string,
  { handler: 'engine' | 'shell'; request: z.ZodType; response: z.ZodType }
>;

export type MethodName = keyof typeof METHODS;
export type EngineMethodName = {
  [M in MethodName]: (typeof METHODS)[M]['handler'] extends 'engine' ? M : never;
}[MethodName];
export type ShellMethodName = Exclude<MethodName, EngineMethodName>;
/** What a caller may pass (defaults filled by the schema). */
export type RequestOf<M extends MethodName> = z.input<(typeof METHODS)[M]['request']>;
/** What a handler receives after validation. */
export type ParsedRequestOf<M extends MethodName> = z.output<(typeof METHODS)[M]['request']>;
export type ResponseOf<M extends MethodName> = z.output<(typeof METHODS)[M]['response']>;

export const METHOD_NAMES = Object.keys(METHODS) as MethodName[];
export const ENGINE_METHOD_NAMES = METHOD_NAMES.filter((m) => METHODS[m].handler === 'engine') as EngineMethodName[];
export const SHELL_METHOD_NAMES = METHOD_NAMES.filter((m) => METHODS[m].handler === 'shell') as ShellMethodName[];
