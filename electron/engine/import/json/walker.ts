import type { Token } from 'stream-json/parser.js';
import type { JsonContainer } from '../../../../shared/parse/json/detect';
import type { JsonObject } from '../../../../shared/parse/json/value';
import { ObjectAssembler } from './assembler';

export interface WalkedRecord {
  value: JsonObject;
  /** Top-level keys as written. */
  keys: readonly string[];
  /** 1-based position among the input's records (non-object elements count too). */
  index: number;
  /** The line its opening brace is on. */
  line: number;
  container: JsonContainer;
  /** The @odata.context of the page holding it, else its own. */
  context: string | null;
}

export interface PageMeta {
  context: string | null;
  nextLink: string | null;
}

export interface WalkerSink {
  record(r: WalkedRecord): void;
  /** A Graph page's `value` array begins: its context is known before its first record. */
  pageStart(meta: PageMeta): void;
  /** A Graph page closed; `nextLink` may have come after its `value`. */
  pageEnd(meta: PageMeta): void;
  /** An element where a record was expected that is not an object (a number, a string, an array). */
  notObject(index: number, line: number, what: string): void;
}

type Frame =
  /** Inside a top-level array: its elements are records or pages. */
  | { type: 'array' }
  /** An object not yet known to be a record or a Graph page, assembled in case it is a record. */
  | { type: 'candidate'; asm: ObjectAssembler; index: number; line: number; container: JsonContainer; valueNext: boolean }
  | { type: 'record'; asm: ObjectAssembler; index: number; line: number; container: JsonContainer; context: string | null }
  /** Inside a page's `value` array. */
  | { type: 'values'; meta: PageMeta }
  /** In a page object after its `value` array: only @odata annotations are kept. */
  | { type: 'pageRest'; meta: PageMeta; key: string | null }
  /** A value nobody needs, skipped by depth. */
  | { type: 'skip'; depth: number };

const describeToken = (t: Token): string =>
  t.name === 'startArray' ? 'an array' : t.name === 'stringValue' ? 'a string' : t.name === 'numberValue' ? 'a number' : 'a literal';

/**
 * Turns the token stream of any JSON export shape into records, holding only one record in memory:
 * a top-level array of objects (portal download, az CLI), Graph pages `{"@odata.context", "value":
 * [...], "@odata.nextLink"}` alone, concatenated or in an array, NDJSON lines, or one object. An
 * object is a page when its `value` is an array and every key before it is an `@` annotation;
 * otherwise it is a record.
 */
export class RecordWalker {
  private readonly frames: Frame[] = [];
  private count = 0;

  constructor(
    private readonly sink: WalkerSink,
    private readonly topContainer: 'document' | 'ndjson',
    /** The line the tokenizer is on, for telling users where a record starts. */
    private readonly currentLine: () => number,
  ) {}

  /** Records (and non-object elements) seen so far. */
  get seen(): number {
    return this.count;
  }

  /** True while a record has begun but not ended: a cut here loses that record. */
  get inRecord(): boolean {
    return this.frames.some((f) => f.type === 'record' || f.type === 'candidate');
  }

  /** The line of the record that has begun but not ended, if any. */
  get openRecordLine(): number | null {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const f = this.frames[i];
      if (f && (f.type === 'record' || f.type === 'candidate')) return f.line;
    }
    return null;
  }

  /** True between top-level values (nothing open). */
  get atTop(): boolean {
    return this.frames.length === 0;
  }

  /** Forgets a partial value after a parse error, so the next NDJSON line starts clean. */
  reset(): void {
    this.frames.length = 0;
  }

  token(t: Token): void {
    const f = this.frames[this.frames.length - 1];
    if (!f) {
      if (t.name === 'startArray') this.frames.push({ type: 'array' });
      else this.element(t, this.topContainer === 'ndjson' ? 'ndjson' : 'object', undefined);
      return;
    }
    switch (f.type) {
      case 'skip':
        if (t.name === 'startObject' || t.name === 'startArray') f.depth++;
        else if (t.name === 'endObject' || t.name === 'endArray') f.depth--;
        if (f.depth === 0) this.frames.pop();
        return;
      case 'record':
        f.asm.token(t);
        if (f.asm.done) this.emit(f);
        return;
      case 'candidate':
        this.candidateToken(f, t);
        return;
      case 'array':
        if (t.name === 'endArray') this.frames.pop();
        else this.element(t, 'array', undefined);
        return;
      case 'values':
        if (t.name === 'endArray') this.frames[this.frames.length - 1] = { type: 'pageRest', meta: f.meta, key: null };
        else this.element(t, 'page', f.meta.context);
        return;
      case 'pageRest':
        this.pageRestToken(f, t);
        return;
    }
  }

  private emit(f: { asm: ObjectAssembler; index: number; line: number; container: JsonContainer; context?: string | null }): void {
    this.frames.pop();
    const own = f.asm.root['@odata.context'];
    const context = f.context ?? (typeof own === 'string' ? own : null);
    this.sink.record({ value: f.asm.root, keys: f.asm.keys, index: f.index, line: f.line, container: f.container, context });
  }

  /**
   * An element where a record is expected: inside a page (`pageContext` given, a string or null)
   * it is one; elsewhere it may also be a page itself.
   */
  private element(t: Token, container: JsonContainer, pageContext: string | null | undefined): void {
    if (t.name === 'startObject') {
      const asm = new ObjectAssembler();
      const index = ++this.count;
      const line = this.currentLine();
      this.frames.push(
        pageContext === undefined
          ? { type: 'candidate', asm, index, line, container, valueNext: false }
          : { type: 'record', asm, index, line, container, context: pageContext },
      );
      return;
    }
    this.sink.notObject(++this.count, this.currentLine(), describeToken(t));
    if (t.name === 'startArray') this.frames.push({ type: 'skip', depth: 1 });
  }

  private candidateToken(f: Extract<Frame, { type: 'candidate' }>, t: Token): void {
    let record = false;
    if (f.valueNext) {
      f.valueNext = false;
      if (t.name === 'startArray') {
        // A Graph page after all: its annotations are metadata, its `value` elements the records.
        const meta = metaOf(f.asm.root);
        this.count--;
        this.frames[this.frames.length - 1] = { type: 'values', meta };
        this.sink.pageStart(meta);
        return;
      }
      record = true;
    }
    if (t.name === 'keyValue' && f.asm.depth === 1) {
      if (t.value.toLowerCase() === 'value') f.valueNext = true;
      else if (!t.value.startsWith('@')) record = true;
    }
    f.asm.token(t);
    if (f.asm.done) this.emit(f);
    // Known to be a record now: stop looking at its keys.
    else if (record) this.frames[this.frames.length - 1] = { type: 'record', asm: f.asm, index: f.index, line: f.line, container: f.container, context: null };
  }

  private pageRestToken(f: Extract<Frame, { type: 'pageRest' }>, t: Token): void {
    switch (t.name) {
      case 'endObject':
        this.frames.pop();
        this.sink.pageEnd(f.meta);
        return;
      case 'keyValue':
        f.key = t.value.toLowerCase();
        return;
      case 'stringValue':
        if (f.key === '@odata.nextlink') f.meta.nextLink = t.value;
        else if (f.key === '@odata.context' && !f.meta.context) f.meta.context = t.value;
        return;
      case 'startObject':
      case 'startArray':
        this.frames.push({ type: 'skip', depth: 1 });
        return;
      default:
        return;
    }
  }
}

function metaOf(o: JsonObject): PageMeta {
  const context = o['@odata.context'];
  const nextLink = o['@odata.nextlink'];
  return { context: typeof context === 'string' ? context : null, nextLink: typeof nextLink === 'string' ? nextLink : null };
}
