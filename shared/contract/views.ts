import { z } from 'zod';
import { IdentityQuerySchema } from './dto';

/**
 * The identities table's optional columns; the display name is always shown. Stored in saved
 * views, so an id is never renamed: a view saved by this version must still read in the next.
 */
export const IDENTITY_COLUMNS = [
  'id',
  'class',
  'verdict',
  'confidence',
  'signIns',
  'split',
  'lastSeen',
  'findingCount',
  'worstSeverity',
  'review',
] as const;
export const IdentityColumnSchema = z.enum(IDENTITY_COLUMNS);
export type IdentityColumn = z.infer<typeof IdentityColumnSchema>;

/** What the table shows before anyone chooses: the columns it always had. */
export const DEFAULT_IDENTITY_COLUMNS: readonly IdentityColumn[] = ['id', 'class', 'verdict', 'confidence', 'signIns', 'split', 'lastSeen'];

/** The filters and the sort of the identities table, without paging. */
export const ViewQuerySchema = IdentityQuerySchema.omit({ offset: true, limit: true });
export type ViewQuery = z.infer<typeof ViewQuerySchema>;

export const VIEW_NAME_MAX = 80;
/** More than a consultant keeps in one engagement; bounds what one settings row holds. */
export const MAX_SAVED_VIEWS = 50;

export const SavedViewSchema = z.object({
  name: z.string().trim().min(1, 'Give the view a name.').max(VIEW_NAME_MAX, `A view's name has at most ${VIEW_NAME_MAX} characters.`),
  query: ViewQuerySchema,
  // Deduplicated so a hand-edited or repeated list cannot show a column twice.
  columns: z.array(IdentityColumnSchema).max(IDENTITY_COLUMNS.length * 2).transform((c) => [...new Set(c)]),
});
export type SavedView = z.infer<typeof SavedViewSchema>;
/** What a caller sends to save a view (defaults of the query filled by the schema). */
export type SavedViewInput = z.input<typeof SavedViewSchema>;

/** The views of one engagement, in the order they were first saved. */
export const SavedViewListSchema = z.array(SavedViewSchema).max(MAX_SAVED_VIEWS);
