import { EngagementInfoSchema, type EngagementInfo } from '../../../shared/contract/dto';
import { METHODS } from '../../../shared/contract/methods';
import type { Result } from '../../../shared/contract/result';
import type { RecentEngagement } from './recent';

/**
 * Main never sees the engine's state directly; it learns it from the answers it forwards. These
 * read an answer of the IPC dispatch and say what main should remember.
 */
function openedBy(method: string, value: unknown): EngagementInfo | null {
  switch (method) {
    case 'engagement:create':
    case 'engagement:open': {
      const info = EngagementInfoSchema.safeParse(value);
      return info.success ? info.data : null;
    }
    case 'engagement:openSample': {
      const opened = METHODS['engagement:openSample'].response.safeParse(value);
      return opened.success ? opened.data.engagement : null;
    }
    default:
      return null;
  }
}

/** The last path segment, whatever the separator: the name to list when an engagement has none. */
function fileStem(path: string): string {
  const base = path.split(/[\\/]/u).pop() ?? path;
  return base.replace(/\.nhiaudit$/iu, '') || base;
}

/** The entry to put first in the recent list after a successful create or open; null otherwise. */
export function recentEntryFor(method: string, result: Result<unknown>, now: Date): RecentEngagement | null {
  if (!result.ok) return null;
  const info = openedBy(method, result.value);
  if (!info) return null;
  return { path: info.path, name: info.name || info.customer || fileStem(info.path), openedAt: now.toISOString() };
}

/**
 * Whether an engagement is open after this answer (it enables the menu's Import, Export and Close),
 * or null when the answer says nothing about it. A failed open leaves the earlier state alone.
 */
export function engagementOpenAfter(method: string, result: Result<unknown>): boolean | null {
  if (!result.ok) return null;
  if (method === 'engagement:close') return false;
  if (method === 'engagement:current') return result.value != null;
  return openedBy(method, result.value) ? true : null;
}
