import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { EngagementInfo, IdentityRow, ImportOutcome } from '../../shared/contract/dto';
import type { JobResult } from '../../shared/contract/events';
import type { EngineMethodName, ParsedRequestOf, ResponseOf } from '../../shared/contract/methods';
import { UserFacingError } from '../../shared/contract/result';
import { runAnalysis } from './analysis/runAnalysis';
import { Engagement } from './engagement';
import { writeReport } from './export/report';
import { writeWorkbook } from './export/workbook';
import { pseudonymKey } from './export/pseudonymize';
import { changeFileKind } from './import/changeKind';
import { runImport } from './import/runImport';
import { JobRunner, type Emit, type JobContext } from './jobs';
import { getCoverage, recordSignInCategories } from './queries/coverage';
import { getIdentity, listIdentities } from './queries/identities';
import { setOverride } from './analysis/override';
import { changesBetween, snapshot } from './analysis/changes';
import { DEFAULT_SETTINGS, saveSettings } from './analysis/settings';
import { getSummary, listImportedFiles } from './queries/summary';
import { iterateFindings, listFindings, listRuleResults } from './queries/findings';
import { importReviews } from './review/importReviews';
import { keyOfIdentity, putReview } from './review/store';
import { identityActivity } from './queries/activity';
import { deleteView, listViews, saveView } from './views/savedViews';

export interface EngineOptions {
  /** Folder of the bundled sample tenant's export files. */
  samplePath: string;
  /** Where engagements without a chosen location (the sample) are kept. */
  dataDir: string;
  appVersion: string;
  /** The built sign-in CSV parser thread; without it, sign-in CSVs are parsed on the engine thread. */
  signInParserPath?: string;
}

type Handlers = { [M in EngineMethodName]: (req: ParsedRequestOf<M>) => ResponseOf<M> | Promise<ResponseOf<M>> };

const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * The engine: owns the open engagement and runs jobs. Plain Node, no Electron: the worker, the CLI
 * and the tests all drive this same class (through the host, or directly in unit tests).
 */
export class Engine {
  private engagement: Engagement | null = null;
  readonly jobs: JobRunner;
  /** Outcomes of the latest import, so a report can list files that were refused. */
  private lastOutcomes: ImportOutcome[] = [];

  constructor(
    private readonly options: EngineOptions,
    emit: Emit,
  ) {
    this.jobs = new JobRunner(emit);
  }

  readonly handlers: Handlers = {
    'engagement:create': (req) => {
      this.closeCurrent();
      this.engagement = Engagement.create(req.path, req, this.options.appVersion);
      return this.engagement.info();
    },
    'engagement:open': (req) => {
      const next = Engagement.open(req.path);
      this.closeCurrent();
      this.engagement = next;
      return next.info();
    },
    'engagement:openSample': async (req) => {
      const path = req.path ?? join(this.options.dataDir, `contoso-sample-${Date.now()}.nhiaudit`);
      this.closeCurrent();
      this.engagement = Engagement.create(
        path,
        { name: 'Contoso sample', customer: 'Contoso (fictional)', tenant: 'contoso.onmicrosoft.com', auditor: '', asOf: null },
        this.options.appVersion,
      );
      const jobId = this.startImport([this.options.samplePath], {}, true);
      return { engagement: this.engagement.info(), jobId };
    },
    'engagement:current': () => this.engagement?.info() ?? null,
    'engagement:close': () => {
      const had = this.engagement != null;
      this.closeCurrent();
      return { closed: had };
    },
    'import:start': (req) => ({ jobId: this.startImport(req.paths, req.kinds, req.analyse) }),
    'import:files': () => listImportedFiles(this.current().reader),
    'import:changeKind': (req) => {
      const engagement = this.current();
      return {
        jobId: this.jobs.start('analysis', async (ctx) => {
          // Inside the job: jobs run one at a time, so no import is writing meanwhile.
          changeFileKind(engagement.writer, req.fileId, req.kind);
          return this.analyse(engagement, ctx, true);
        }),
      };
    },
    'analysis:run': () => {
      const engagement = this.current();
      return { jobId: this.jobs.start('analysis', async (ctx) => this.analyse(engagement, ctx)) };
    },
    'settings:get': () => {
      const e = this.current();
      return { current: { classification: e.classificationSettings(), rules: e.ruleSettings() }, defaults: DEFAULT_SETTINGS };
    },
    'settings:update': (req) => {
      const engagement = this.current();
      if (this.jobs.busy()) throw new UserFacingError('Wait for the running job to finish before changing the settings.', 'JOB_RUNNING');
      saveSettings(engagement.writer, req);
      return { jobId: this.jobs.start('analysis', async (ctx) => this.analyse(engagement, ctx, true)) };
    },
    'job:cancel': (req) => ({ cancelled: this.jobs.cancel(req.jobId) }),
    'identities:list': (req) => listIdentities(this.current().reader, req),
    'identities:get': (req) => this.identity(req.id),
    'identities:setOverride': (req) => {
      const engagement = this.current();
      if (this.jobs.busy()) throw new UserFacingError('Wait for the running job to finish before overriding a class.', 'JOB_RUNNING');
      setOverride(engagement.writer, engagement.classificationSettings(), req.id, req.class, req.reason);
      return this.identity(req.id);
    },
    'identities:setReview': (req) => {
      const engagement = this.current();
      if (this.jobs.busy()) throw new UserFacingError('Wait for the running job to finish before recording a review.', 'JOB_RUNNING');
      putReview(engagement.writer, keyOfIdentity(engagement.writer, req.id), req.review, 'app', new Date().toISOString());
      return this.identity(req.id);
    },
    'reviews:import': (req) => {
      const engagement = this.current();
      return {
        jobId: this.jobs.start('review', async (ctx) => {
          const result = await importReviews(engagement.writer, req.path, {
            preferWorkbook: req.preferWorkbook,
            signal: ctx.signal,
            now: new Date().toISOString(),
            onProgress: (rows) => ctx.progress({ ...exportProgress('Reading reviewed workbook', rows, 0), file: req.path, fraction: 0 }),
          });
          return { kind: 'review', result };
        }),
      };
    },
    'findings:list': (req) => listFindings(this.current().reader, req),
    'rules:results': () => listRuleResults(this.current().reader),
    'findings:forIdentity': (req) => [...iterateFindings(this.current().reader, req.id)],
    'identities:activity': (req) => identityActivity(this.current().reader, this.identity(req.id), this.current().ruleSettings()),
    'views:list': () => listViews(this.current().reader),
    'views:save': (req) => saveView(this.idleWriter('saving a view'), req),
    'views:delete': (req) => deleteView(this.idleWriter('deleting a view'), req.name),
    'summary:get': () => {
      const e = this.current();
      return getSummary(e.reader, e.info());
    },
    'coverage:get': () => getCoverage(this.current().reader),
    'export:workbook': (req) =>
      this.exportJob(req, 'xlsx', (engagement, tmp, options, ctx) =>
        writeWorkbook(engagement, { ...options, outPath: tmp, onProgress: (rows, total) => ctx.progress(exportProgress('Writing workbook', rows, total)) }),
      ),
    'export:report': (req) =>
      this.exportJob(req, 'json', (engagement, tmp, options) =>
        writeReport(engagement, { ...options, outPath: tmp, appVersion: this.options.appVersion, runOutcomes: this.lastOutcomes }),
      ),
  };

  /**
   * An export as a background job: the as-of date (the request's, the engagement's, today), the
   * pseudonym key when asked, and the file written beside its destination and moved into place whole.
   */
  private exportJob(
    req: { outPath: string; asOf?: string | undefined; pseudonymize?: boolean | undefined },
    format: 'xlsx' | 'json',
    write: (engagement: Engagement, tmp: string, options: { asOf: string; pseudonymKey: Buffer | undefined; signal: AbortSignal }, ctx: JobContext) => Promise<void>,
  ): { jobId: string } {
    const engagement = this.current();
    const asOf = req.asOf ?? engagement.info().asOf ?? today();
    const key = req.pseudonymize ? pseudonymKey(engagement.writer) : undefined;
    return {
      jobId: this.jobs.start('export', async (ctx) => {
        await atomically(req.outPath, (tmp) => write(engagement, tmp, { asOf, pseudonymKey: key, signal: ctx.signal }, ctx));
        return { kind: 'export', path: req.outPath, format };
      }),
    };
  }

  private identity(id: number): IdentityRow {
    const row = getIdentity(this.current().reader, id);
    if (!row) throw new UserFacingError(`There is no identity ${id} in this engagement.`, 'IDENTITY_NOT_FOUND');
    return row;
  }

  /** The writer, once no job holds it: an import's open transaction would take the write with it. */
  private idleWriter(doing: string): Engagement['writer'] {
    const engagement = this.current();
    if (this.jobs.busy()) throw new UserFacingError(`Wait for the running job to finish before ${doing}.`, 'JOB_RUNNING');
    return engagement.writer;
  }

  info(): EngagementInfo | null {
    return this.engagement?.info() ?? null;
  }

  private startImport(paths: readonly string[], kinds: ParsedRequestOf<'import:start'>['kinds'], analyse: boolean): string {
    const engagement = this.current();
    return this.jobs.start('import', async (ctx): Promise<JobResult> => {
      // One bar for the whole job: reading files fills 90 % of it when an analysis follows.
      const share = analyse ? 0.9 : 1;
      const outcomes = await runImport(engagement.writer, paths, kinds, scaled(ctx, 0, share), this.options.signInParserPath);
      this.lastOutcomes = outcomes;
      if (outcomes.some((o) => o.status === 'imported')) recordSignInCategories(engagement.writer);
      const anyImported = outcomes.some((o) => o.status === 'imported');
      if (analyse && anyImported && !ctx.signal.aborted) this.analyse(engagement, scaled(ctx, share, 1 - share));
      return { kind: 'import', outcomes, analysed: analyse && anyImported && !ctx.signal.aborted };
    });
  }

  /** Runs the analysis; with `compare`, says what changed (a settings change shows its effect). */
  private analyse(engagement: Engagement, ctx: JobContext, compare = false): JobResult {
    const before = compare ? snapshot(engagement.writer) : null;
    const identities = runAnalysis(engagement.writer, engagement.classificationSettings(), (phase, fraction) =>
      ctx.progress({ phase, file: null, fileIndex: 0, fileCount: 0, bytes: 0, totalBytes: 0, rows: 0, rowsPerSecond: 0, fraction }),
    );
    return { kind: 'analysis', identities, changes: before ? changesBetween(before, snapshot(engagement.writer)) : null };
  }

  private current(): Engagement {
    if (!this.engagement) throw new UserFacingError('No engagement is open. Create or open one first.', 'NO_ENGAGEMENT');
    return this.engagement;
  }

  private closeCurrent(): void {
    if (this.jobs.busy()) {
      throw new UserFacingError('A job is still running on this engagement; cancel it or wait for it to finish.', 'JOB_RUNNING');
    }
    this.engagement?.close();
    this.engagement = null;
  }

  async shutdown(): Promise<void> {
    this.jobs.cancelAll();
    await this.jobs.idle();
    this.closeCurrent();
  }
}

/** A view of a job's progress reporting that maps 0..1 into [start, start + width]. */
function scaled(ctx: JobContext, start: number, width: number): JobContext {
  return { ...ctx, progress: (p) => ctx.progress({ ...p, fraction: Math.min(1, start + p.fraction * width) }) };
}

function exportProgress(phase: string, rows: number, total: number): Parameters<JobContext['progress']>[0] {
  return { phase, file: null, fileIndex: 0, fileCount: 1, bytes: 0, totalBytes: 0, rows, rowsPerSecond: 0, fraction: total > 0 ? Math.min(1, rows / total) : 1 };
}

/** Writes to a temporary name and renames, so a cancelled or failed export never leaves a half file. */
async function atomically(outPath: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = `${outPath}.partial`;
  try {
    await write(tmp);
    await rename(tmp, outPath);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
