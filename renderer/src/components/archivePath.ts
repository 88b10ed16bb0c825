/**
 * Where an archive entry sits: `C:\x\export.zip!logs/SignIns/a.csv` -> `export.zip › logs/SignIns/`.
 * Null for a plain file.
 */
export function archiveLocation(path: string): string | null {
  const m = /\.zip!/iu.exec(path);
  if (!m) return null;
  const archive = path.slice(0, m.index + 4).split(/[\\/]/u).pop() ?? '';
  const inner = path.slice(m.index + 5);
  const folder = inner.includes('/') ? inner.slice(0, inner.lastIndexOf('/') + 1) : '';
  return folder ? `${archive} › ${folder}` : archive;
}
