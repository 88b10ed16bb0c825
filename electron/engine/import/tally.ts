import type { Rejection } from '../../../shared/contract/dto';

const MAX_KEPT_REJECTIONS = 100;

/** What one file's import counted: rows, rejections with their lines, its date range and its warnings. */
export class Tally {
  rowsRead = 0;
  imported = 0;
  rejected = 0;
  duplicates = 0;
  firstMs: number | null = null;
  lastMs: number | null = null;
  readonly rejections: Rejection[] = [];
  readonly warnings: string[] = [];

  reject(line: number, reason: string): void {
    this.rejected++;
    if (this.rejections.length < MAX_KEPT_REJECTIONS) this.rejections.push({ line, reason });
  }

  accept(timeMs: number | null): void {
    this.imported++;
    if (timeMs != null) {
      if (this.firstMs == null || timeMs < this.firstMs) this.firstMs = timeMs;
      if (this.lastMs == null || timeMs > this.lastMs) this.lastMs = timeMs;
    }
  }

  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }
}
