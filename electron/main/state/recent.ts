import { z } from 'zod';
import type { StateFs } from './files';

export const RECENT_MAX = 10;

const RecentEngagementSchema = z.object({ path: z.string().min(1), name: z.string(), openedAt: z.string() });
export type RecentEngagement = z.infer<typeof RecentEngagementSchema>;

const RecentFileSchema = z.object({ version: z.literal(1), engagements: z.array(z.unknown()) });

/**
 * The file's entries, most recent first. A damaged or foreign file reads as empty and a bad entry is
 * skipped: a broken recent list must never stop the app from starting.
 */
export function parseRecent(text: string | null): RecentEngagement[] {
  if (text == null) return [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  const file = RecentFileSchema.safeParse(json);
  if (!file.success) return [];
  return file.data.engagements.flatMap((e) => {
    const entry = RecentEngagementSchema.safeParse(e);
    return entry.success ? [entry.data] : [];
  });
}

export function serializeRecent(list: readonly RecentEngagement[]): string {
  return `${JSON.stringify({ version: 1, engagements: list }, null, 2)}\n`;
}

/** Windows and macOS file systems ignore case by default: C:\A.nhiaudit and c:\a.nhiaudit are one file. */
export function pathKey(path: string, caseInsensitive: boolean): string {
  return caseInsensitive ? path.toLowerCase() : path;
}

/** `entry` first, its earlier entry (same path) gone, at most RECENT_MAX kept. */
export function withRecent(list: readonly RecentEngagement[], entry: RecentEngagement, caseInsensitive = false): RecentEngagement[] {
  const key = pathKey(entry.path, caseInsensitive);
  const seen = new Set([key]);
  const rest = list.filter((e) => {
    const k = pathKey(e.path, caseInsensitive);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return [entry, ...rest].slice(0, RECENT_MAX);
}

export interface RecentOptions {
  fs: StateFs;
  /** The JSON file in userData. */
  file: string;
  caseInsensitivePaths?: boolean;
}

/** The recent-engagements file. Updates run one after another, so two quick opens both land. */
export class RecentEngagements {
  private last: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: RecentOptions) {}

  /** Most recent first, de-duplicated, without entries whose file no longer exists. */
  async list(): Promise<RecentEngagement[]> {
    let text: string | null;
    try {
      text = await this.options.fs.read(this.options.file);
    } catch {
      return [];
    }
    const entries = parseRecent(text).reduceRight<RecentEngagement[]>((acc, e) => withRecent(acc, e, this.options.caseInsensitivePaths), []);
    const present = await Promise.all(entries.map((e) => this.options.fs.isFile(e.path)));
    return entries.filter((_, i) => present[i]);
  }

  /** Puts `entry` first and saves; answers the list as saved. */
  record(entry: RecentEngagement): Promise<RecentEngagement[]> {
    const next = this.last.then(async () => {
      const list = withRecent(await this.list(), entry, this.options.caseInsensitivePaths);
      await this.options.fs.write(this.options.file, serializeRecent(list));
      return list;
    });
    this.last = next.catch(() => undefined);
    return next;
  }

  /** Resolves when every update started so far has been written (or failed). */
  idle(): Promise<void> {
    return this.last.then(() => undefined);
  }
}
