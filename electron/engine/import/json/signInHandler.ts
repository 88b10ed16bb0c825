import type { ImportKind } from '../../../../shared/domain/importKinds';
import type { SignInCategory } from '../../../../shared/domain/vocabulary';
import { mapJsonSignIn } from '../../../../shared/parse/json/signIns';
import type { JsonObject } from '../../../../shared/parse/json/value';
import type { Db } from '../../db/open';
import { AuthDetailWriter } from '../../store/authDetailWriter';
import { IdentityResolver } from '../../store/identityResolver';
import { SignInWriter } from '../../store/signInWriter';
import type { Note, RecordHandler } from './handlers';

const n = (v: number): string => v.toLocaleString('en-US');

/**
 * Sign-ins from any JSON export. The category is decided per record (a portal JSON download or a
 * Graph dump may mix them), and Graph's `authenticationDetails` are kept as authentication steps.
 */
export function signInHandler(kind: ImportKind, db: Db, fileId: number): RecordHandler {
  const resolver = new IdentityResolver(db);
  const writer = new SignInWriter(db);
  const steps = new AuthDetailWriter(db);
  const categories = new Map<SignInCategory, number>();
  let assumed = 0;
  let cutOff = 0;
  let unattributed = 0;
  return {
    noun: 'sign-ins',
    handle(o: JsonObject, position: number) {
      const mapped = mapJsonSignIn(o);
      if (!mapped.ok) return { status: 'rejected', reason: mapped.reason };
      const r = mapped.record;
      if (mapped.categoryAssumed) assumed++;
      if (mapped.valuesCutOff) cutOff++;
      const identityId = resolver.forSignIn(r);
      // Kept, so coverage and dates stay true, but counted: it cannot be attributed to anyone.
      if (identityId == null) unattributed++;
      const fresh = writer.write(r, identityId, fileId, position);
      // Steps are keyed by (request id, step): a sign-in first imported from a CSV gains them here.
      for (const d of mapped.authDetails) steps.write(d, fileId);
      if (!fresh) return { status: 'duplicate' };
      categories.set(r.category, (categories.get(r.category) ?? 0) + 1);
      return { status: 'imported', timeMs: r.timeMs };
    },
    finish(note: Note) {
      if (assumed > 0) {
        note(
          `${n(assumed)} sign-ins state neither signInEventTypes nor isInteractive; they were counted as interactive, which is all Graph returns unless the request filters on signInEventTypes.`,
        );
      }
      const total = [...categories.values()].reduce((a, b) => a + b, 0);
      if (kind !== 'signins.portal.json' && total > 0 && categories.get('interactive') === total) {
        note(
          'Only interactive sign-ins: Graph returns only these unless the request filters on signInEventTypes, so non-interactive, service principal and managed identity sign-ins need their own export.',
        );
      }
      if (cutOff > 0) {
        note(
          `${n(cutOff)} sign-ins have nested values that PowerShell replaced by type names (ConvertTo-Json's default -Depth 2), so status, location or authentication details were lost. Export again with ConvertTo-Json -Depth 10.`,
        );
      }
      if (unattributed > 0) {
        note(`${n(unattributed)} sign-ins name neither a user nor a service principal; they count in the coverage but belong to no identity.`);
      }
    },
  };
}
