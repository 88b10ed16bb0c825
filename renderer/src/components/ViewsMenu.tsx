import { useEffect, useId, useState } from 'react';
import { VIEW_NAME_MAX } from '../../../shared/contract/views';
import { useIdentitiesStore } from '../stores/identitiesStore';
import { matchingView, useSavedViewsStore } from '../stores/savedViewsStore';
import { MenuButton } from './MenuButton';

/** The engagement's saved views of the table: choose one, save the current one, delete one. */
export function ViewsMenu() {
  const id = useId();
  const views = useSavedViewsStore((s) => s.views);
  const status = useSavedViewsStore((s) => s.status);
  const error = useSavedViewsStore((s) => s.error);
  const load = useSavedViewsStore((s) => s.load);
  const save = useSavedViewsStore((s) => s.save);
  const remove = useSavedViewsStore((s) => s.remove);
  const apply = useSavedViewsStore((s) => s.apply);
  const query = useIdentitiesStore((s) => s.query);
  const columns = useIdentitiesStore((s) => s.columns);
  const [name, setName] = useState('');
  const current = matchingView(views, query, columns);

  useEffect(() => {
    if (status === 'idle') void load();
  }, [status, load]);

  const replacing = views.some((v) => v.name.toLocaleLowerCase() === name.trim().toLocaleLowerCase());
  return (
    <MenuButton
      label={
        // One element: the button's gap would otherwise separate "Views" from its colon.
        <span className="menu-button-label">
          Views
          {current && (
            <>
              : <span className="menu-button-value">{current.name}</span>
            </>
          )}
        </span>
      }
      panelLabel="Saved views"
      testId="views-menu"
      onOpen={() => {
        setName(current?.name ?? '');
        void load();
      }}
    >
      {(close) => (
        <>
          <h3 className="menu-heading" id={`${id}-saved`}>
            Saved views
          </h3>
          {views.length === 0 ? (
            <p className="menu-note muted">None yet: set the filters, sort and columns, then save them here under a name.</p>
          ) : (
            <ul className="menu-list" aria-labelledby={`${id}-saved`}>
              {views.map((v) => (
                <li key={v.name} className="menu-list-item">
                  <button
                    type="button"
                    className="menu-item"
                    aria-current={v === current ? 'true' : undefined}
                    onClick={() => {
                      apply(v);
                      close();
                    }}
                  >
                    {v.name}
                  </button>
                  <button type="button" className="btn btn-ghost btn-small menu-delete" aria-label={`Delete view ${v.name}`} title="Delete" onClick={() => {
                      // The button goes with its view: the focus stays in the panel, on the name field.
                      void remove(v.name).then(() => document.getElementById(`${id}-name`)?.focus());
                    }}
                  >
                    <svg viewBox="0 0 12 12" aria-hidden="true" focusable="false">
                      <path d="M3 3l6 6M9 3l-6 6" />
                    </svg>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button
            type="button"
            className="menu-item menu-item-default"
            onClick={() => {
              apply(null);
              close();
            }}
          >
            Default view <span className="muted">(no filters, default columns)</span>
          </button>
          <form
            className="menu-form"
            onSubmit={(e) => {
              e.preventDefault();
              void save(name).then((saved) => {
                if (saved) close();
              });
            }}
          >
            <label htmlFor={`${id}-name`} className="field-label">
              Save the current view as
            </label>
            <div className="menu-form-row">
              <input
                id={`${id}-name`}
                className="input"
                value={name}
                maxLength={VIEW_NAME_MAX}
                onChange={(e) => setName(e.currentTarget.value)}
                placeholder="e.g. Critical findings"
                spellCheck={false}
                autoComplete="off"
              />
              <button type="submit" className="btn btn-primary btn-small" disabled={name.trim() === ''}>
                {replacing ? 'Replace' : 'Save'}
              </button>
            </div>
          </form>
          {error && (
            <p className="alert alert-error menu-error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </MenuButton>
  );
}
