import { UserFacingError } from '../../../shared/contract/result';
import { MAX_SAVED_VIEWS, SavedViewListSchema, SavedViewSchema, type SavedView } from '../../../shared/contract/views';
import type { Db } from '../db/open';

/** The settings row that holds an engagement's saved views of the identities table, as JSON. */
const KEY = 'ui.views';

/**
 * The saved views, in the order they were first saved. A view that no longer fits the schema (an
 * older version's, or the file edited by hand) is left out rather than hiding every other view.
 */
export function listViews(db: Db): SavedView[] {
  const row = db.prepare(`SELECT value FROM settings WHERE key = ?`).get(KEY) as { value: string } | undefined;
  if (!row) return [];
  let stored: unknown;
  try {
    stored = JSON.parse(row.value);
  } catch {
    return [];
  }
  if (!Array.isArray(stored)) return [];
  const views: SavedView[] = [];
  for (const item of stored) {
    const parsed = SavedViewSchema.safeParse(item);
    if (parsed.success && !views.some((v) => sameName(v.name, parsed.data.name))) views.push(parsed.data);
  }
  return views.slice(0, MAX_SAVED_VIEWS);
}

/** Saves a view; one of the same name (ignoring case) is replaced where it stands in the list. */
export function saveView(db: Db, view: SavedView): SavedView[] {
  const next = SavedViewSchema.parse(view);
  return db.transaction(() => {
    const views = listViews(db);
    const at = views.findIndex((v) => sameName(v.name, next.name));
    if (at >= 0) views[at] = next;
    else if (views.length >= MAX_SAVED_VIEWS) {
      throw new UserFacingError(`An engagement keeps at most ${MAX_SAVED_VIEWS} views; delete one before saving another.`, 'TOO_MANY_VIEWS');
    } else views.push(next);
    return write(db, views);
  })();
}

/** Deletes the view of that name (ignoring case); deleting one that is not there changes nothing. */
export function deleteView(db: Db, name: string): SavedView[] {
  return db.transaction(() => write(db, listViews(db).filter((v) => !sameName(v.name, name))))();
}

function write(db: Db, views: SavedView[]): SavedView[] {
  const checked = SavedViewListSchema.parse(views);
  db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(KEY, JSON.stringify(checked));
  return checked;
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('en-US') === b.trim().toLocaleLowerCase('en-US');
}
