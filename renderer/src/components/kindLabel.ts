import { IMPORT_KIND_LABELS, ImportKindSchema } from '../../../shared/domain/importKinds';

/** The human name of an export kind id; unknown ids are shown as they are. */
export function kindLabel(kind: string | null): string {
  if (kind == null) return '—';
  const parsed = ImportKindSchema.safeParse(kind);
  return parsed.success ? IMPORT_KIND_LABELS[parsed.data] : kind;
}
