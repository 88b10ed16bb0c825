/**
 * A buffered line writer over a file stream that honours backpressure: lines are batched into ~64 KiB
 * chunks, and when the stream's buffer is full the caller awaits 'drain' before producing more. This
 * keeps memory flat however many rows a file gets.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';

const CHUNK = 1 << 16;

export class LineSink {
  private parts: string[] = [];
  private size = 0;
  /** Data rows written (the header is not counted). */
  rows = 0;

  private constructor(
    readonly path: string,
    private readonly stream: WriteStream,
    private readonly eol: string,
  ) {}

  static open(path: string, eol = '\r\n'): LineSink {
    return new LineSink(path, createWriteStream(path, { encoding: 'utf8' }), eol);
  }

  header(line: string): void {
    this.parts.push(line, this.eol);
    this.size += line.length + this.eol.length;
  }

  /** Queues a data row; returns true when the caller should `await flush()` before continuing. */
  row(line: string): boolean {
    this.parts.push(line, this.eol);
    this.size += line.length + this.eol.length;
    this.rows++;
    return this.size >= CHUNK;
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
  }
}

/** RFC 4180 quoting of every field (portal sign-in CSV, PowerShell Export-Csv). */
export const quoteAll = (v: string): string => `"${v.replaceAll('"', '""')}"`;

/** Quotes only when needed (portal "Download users", the application sign-in CSV). */
export const quoteIfNeeded = (v: string): string => (/[",\r\n]/u.test(v) ? quoteAll(v) : v);
