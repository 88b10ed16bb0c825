import type { Rejection } from '../../../shared/contract/dto';
import type { FileFlag } from '../../../shared/coverage/flags';

const MAX_KEPT_REJECTIONS = 100;

/** What one file's import counted: rows, rejections with their lines, its date range, its warnings and flags. */
export class Tally {
  rowsRead = 0;
  imported = 0;
  rejected = 0;
  duplicates = 0;
  firstMs: number | null = null;
  lastMs: number | null = null;
  readonly rejections: Rejection[] = [];
  readonly warnings: string[] = [];
  /** Completeness codes (truncated, more pages, …), stored with the file for the coverage view. */
  readonly flags: FileFlag[] = [];

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

  /**
   * Takes back `count` rows accepted as imported that turned out to be duplicates, with the date
   * range of the rows that remain.
   */
  takeBack(count: number, firstMs: number | null, lastMs: number | null): void {
    this.imported -= count;
    this.duplicates += count;
    this.firstMs = firstMs;
    this.lastMs = lastMs;
  }

  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }

  /** A warning that is also a coverage fact: the code is stored with the file, the text shown to people. */
  flag(code: FileFlag, message: string): void {
    if (!this.flags.includes(code)) this.flags.push(code);
    this.warn(message);
  }
}
