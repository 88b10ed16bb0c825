import { jsonParser } from 'stream-json/core/parser.js';
import type { Token } from 'stream-json/parser.js';

/**
 * stream-chain's "no value" marker, which also tells a stream-json stage that its input has ended
 * (`flushable` without a final callback). It is a registered symbol, so it is reachable without
 * importing stream-chain, which is only stream-json's dependency, not ours.
 */
const END_OF_INPUT = Symbol.for('object-stream.none');

/**
 * stream-json's bare tokenizer (text in, tokens out; we decode bytes ourselves with iconv-lite),
 * driven synchronously chunk by chunk: far cheaper than a stream of one object per token.
 * Keys, strings and numbers come packed (one token each), concatenated top-level values are
 * allowed (Graph pages one after another, NDJSON).
 */
export class Tokenizer {
  private readonly parse = jsonParser({ packValues: true, streamValues: false, jsonStreaming: true });

  /** Throws the parser's Error on text that is not JSON. */
  write(text: string, onToken: (t: Token) => void): void {
    emit(this.parse(text), onToken);
  }

  /** Ends the input; throws when it stops in the middle of a value (a truncated file). */
  end(onToken: (t: Token) => void): void {
    emit((this.parse as unknown as (v: symbol) => unknown)(END_OF_INPUT), onToken);
  }
}

function emit(out: unknown, onToken: (t: Token) => void): void {
  // A `Many` (several tokens) or the "no value" symbol.
  if (out == null || typeof out !== 'object' || !('values' in out) || !Array.isArray(out.values)) return;
  for (const t of out.values as Token[]) onToken(t);
}

/** The parser's message without its boilerplate prefix. */
export function parserMessage(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  return m.replace(/^Parser (?:cannot parse input: |has )/u, '');
}
