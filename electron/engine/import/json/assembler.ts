import type { Token } from 'stream-json/parser.js';
import { newJsonObject, type JsonArray, type JsonObject, type JsonValue } from '../../../../shared/parse/json/value';

/**
 * Builds one JSON object from parser tokens. Unlike stream-json's Assembler it lower-cases keys
 * (Graph camelCase, PowerShell PascalCase and Log Analytics spellings then read alike), builds
 * null-prototype objects (a `__proto__` key is a plain property and pollutes nothing), lets a
 * repeated key keep its last value (as JSON.parse does; Graph's own examples repeat keys), and
 * keeps the record's top-level keys as written, which tells PowerShell output apart.
 */
export class ObjectAssembler {
  readonly root: JsonObject = newJsonObject();
  /** The record's own keys in file order, as written. */
  readonly keys: string[] = [];
  private readonly stack: (JsonObject | JsonArray)[] = [this.root];
  private readonly pendingKeys: (string | null)[] = [null];

  /** 1 inside the root object itself, more inside its nested values, 0 once it is complete. */
  get depth(): number {
    return this.stack.length;
  }

  /** True once the root object's closing brace has been consumed. */
  get done(): boolean {
    return this.stack.length === 0;
  }

  /** Consumes one token of the object that began with a `startObject` (already seen by the caller). */
  token(t: Token): void {
    switch (t.name) {
      case 'keyValue': {
        if (this.stack.length === 1) this.keys.push(t.value);
        this.pendingKeys[this.pendingKeys.length - 1] = t.value.toLowerCase();
        return;
      }
      case 'startObject':
        this.open(newJsonObject());
        return;
      case 'startArray':
        this.open([]);
        return;
      case 'endObject':
      case 'endArray':
        this.stack.pop();
        this.pendingKeys.pop();
        return;
      case 'stringValue':
        this.add(t.value);
        return;
      case 'numberValue':
        this.add(Number(t.value));
        return;
      case 'nullValue':
        this.add(null);
        return;
      case 'trueValue':
        this.add(true);
        return;
      case 'falseValue':
        this.add(false);
        return;
      default:
        // Streamed chunks and whitespace: the parser is run with packed values only.
        return;
    }
  }

  private open(container: JsonObject | JsonArray): void {
    this.add(container);
    this.stack.push(container);
    this.pendingKeys.push(null);
  }

  private add(v: JsonValue): void {
    const parent = this.stack[this.stack.length - 1];
    if (parent === undefined) return;
    if (Array.isArray(parent)) {
      parent.push(v);
      return;
    }
    const key = this.pendingKeys[this.pendingKeys.length - 1];
    if (key != null) parent[key] = v;
  }
}
