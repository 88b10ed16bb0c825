import { z } from 'zod';
import { ReviewSchema } from './review';

const RowRef = z.object({ row: z.number().int(), key: z.string().nullable(), name: z.string() });

/** What importing a reviewed workbook did, row by row where something needs the user's eye. */
export const ReviewImportResultSchema = z.object({
  file: z.string(),
  rows: z.number().int(),
  applied: z.number().int(),
  unchanged: z.number().int(),
  /** Changed in the workbook and, differently, in the engagement since the export: the engagement's value was kept unless the import was told to overwrite. */
  conflicts: z.array(RowRef.extend({ engagement: ReviewSchema.nullable(), workbook: ReviewSchema, resolved: z.enum(['kept engagement', 'took workbook']) })),
  /** Rows whose identity key is not in this engagement (another tenant's workbook, or an identity that was removed). */
  unknown: z.array(RowRef),
  /** Rows that were not applied because a value could not be read. */
  invalid: z.array(RowRef.extend({ problems: z.array(z.string()) })),
});
export type ReviewImportResult = z.infer<typeof ReviewImportResultSchema>;
