import { useId, useState, type FormEvent } from 'react';
import { api, messageOf, unwrap } from '../api';
import { baseName } from '../format';
import { useEngagementStore, type NewEngagementForm as Form } from '../stores/engagementStore';

const EMPTY: Form = { name: '', customer: '', tenant: '', auditor: '', asOf: '', path: '' };

function suggestedFileName(form: Form): string {
  const stem = (form.name || form.customer || 'engagement').trim().replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/gu, '');
  return `${stem || 'engagement'}.nhiaudit`;
}

/** The new-engagement form; the file location comes from the shell's save dialog. */
export function NewEngagementForm() {
  const [form, setForm] = useState<Form>(EMPTY);
  const [locationError, setLocationError] = useState<string | null>(null);
  const busy = useEngagementStore((s) => s.busy);
  const error = useEngagementStore((s) => s.error);
  const create = useEngagementStore((s) => s.create);
  const id = useId();

  const update = (key: keyof Form) => (e: { currentTarget: HTMLInputElement }) => {
    const value = e.currentTarget.value;
    setForm((f) => ({ ...f, [key]: value }));
  };

  const chooseLocation = async (): Promise<string | null> => {
    setLocationError(null);
    try {
      const path = await unwrap(api().dialog_saveEngagement({ suggestedName: suggestedFileName(form) }));
      if (path) setForm((f) => ({ ...f, path }));
      return path;
    } catch (err) {
      setLocationError(messageOf(err));
      return null;
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const path = form.path || (await chooseLocation());
    if (!path) return;
    await create({ ...form, path });
  };

  const text = (key: 'customer' | 'tenant' | 'auditor' | 'name', label: string, placeholder: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        className="input"
        value={form[key]}
        onChange={update(key)}
        placeholder={placeholder}
        maxLength={200}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={hint ? `${id}-${key}-hint` : undefined}
      />
      {hint && (
        <span id={`${id}-${key}-hint`} className="field-hint">
          {hint}
        </span>
      )}
    </div>
  );

  return (
    <form className="form-grid" onSubmit={(e) => void submit(e)} aria-label="New engagement" noValidate>
      {text('customer', 'Customer', 'Fabrikam Ltd')}
      {text('tenant', 'Tenant', 'fabrikam.onmicrosoft.com', 'Primary domain or tenant ID, as it appears in the exports.')}
      {text('auditor', 'Auditor', 'Your name')}
      <div className="field">
        <label htmlFor={`${id}-asof`}>As-of date</label>
        <input id={`${id}-asof`} className="input" type="date" value={form.asOf} onChange={update('asOf')} aria-describedby={`${id}-asof-hint`} />
        <span id={`${id}-asof-hint`} className="field-hint">
          Reference date for expiry and dormancy. Leave empty to use the export date.
        </span>
      </div>
      {text('name', 'Engagement name', form.customer ? `${form.customer} (defaults to the customer)` : 'Defaults to the customer')}

      <div className="field field-wide">
        <span className="field-label" id={`${id}-location`}>
          File location
        </span>
        <div className="location-row">
          <output className="location" aria-labelledby={`${id}-location`} title={form.path || undefined} data-testid="engagement-location">
            {form.path ? baseName(form.path) : 'Not chosen yet'}
          </output>
          <button type="button" className="btn" onClick={() => void chooseLocation()} disabled={busy != null}>
            Choose…
          </button>
        </div>
        {form.path && <span className="field-hint mono">{form.path}</span>}
        {locationError && (
          <p className="alert alert-error" role="alert">
            {locationError}
          </p>
        )}
      </div>

      {error?.action === 'create' && (
        <p className="alert alert-error field-wide" role="alert">
          {error.message}
        </p>
      )}
      <div className="form-actions field-wide">
        <button type="submit" className="btn btn-primary" disabled={busy != null}>
          {busy === 'create' ? 'Creating…' : 'Create engagement'}
        </button>
      </div>
    </form>
  );
}
