import { useState } from 'react';
import { CloseButton } from './CloseButton';
import { useModalDialog } from './useModalDialog';
import type { ImportOutcome } from '../../../shared/contract/dto';
import { IMPORT_KINDS, IMPORT_KIND_LABELS, type ImportKind } from '../../../shared/domain/importKinds';

/** The kinds worth offering: an ambiguous detection's candidates, otherwise every kind. */
export function plausibleKinds(outcome: ImportOutcome): ImportKind[] {
  return outcome.candidates && outcome.candidates.length > 0 ? outcome.candidates : [...IMPORT_KINDS];
}

/** Asks which export a file is, for a file whose kind could not be detected, and imports it again as that. */
export function KindDialog(props: { outcome: ImportOutcome; onChoose: (kind: ImportKind) => void; onClose: () => void }) {
  const ref = useModalDialog(props.onClose);
  const kinds = plausibleKinds(props.outcome);
  const [kind, setKind] = useState<ImportKind | null>(kinds.length === 1 ? (kinds[0] ?? null) : null);

  const ambiguous = (props.outcome.candidates?.length ?? 0) > 0;
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="kind-title" data-testid="kind-dialog">
      <header className="dialog-header">
        <div>
          <h2 id="kind-title">Choose the kind of this file</h2>
          <p className="muted mono">{props.outcome.name}</p>
        </div>
        <CloseButton label="Close" onClick={() => ref.current?.close()} />
      </header>
      <p className="dialog-intro">
        {ambiguous
          ? 'The content fits more than one kind of export. Choose the one it is (the portal tab it was downloaded from); it is imported again as that kind.'
          : 'Its kind could not be recognised. Choose it only if you know which export it is: columns that do not fit that kind are rejected row by row.'}
      </p>
      <form
        className="dialog-body kind-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (kind) props.onChoose(kind);
          ref.current?.close();
        }}
      >
        <fieldset className="kind-options">
          <legend className="visually-hidden">Kind of export</legend>
          {kinds.map((k) => (
            <label key={k} className="kind-option">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              <span>{IMPORT_KIND_LABELS[k]}</span>
            </label>
          ))}
        </fieldset>
        <div className="dialog-actions">
          <button type="button" className="btn btn-ghost" onClick={() => ref.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={kind == null}>
            Import as this kind
          </button>
        </div>
      </form>
    </dialog>
  );
}
