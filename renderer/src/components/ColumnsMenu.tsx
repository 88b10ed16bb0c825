import { IDENTITY_COLUMNS } from '../../../shared/contract/views';
import { useIdentitiesStore } from '../stores/identitiesStore';
import { NAME_COLUMN, OPTIONAL_COLUMNS } from './identityColumns';
import { MenuButton } from './MenuButton';

/** Shows and hides the identities table's optional columns; the display name always shows. */
export function ColumnsMenu() {
  const chosen = useIdentitiesStore((s) => s.columns);
  const toggleColumn = useIdentitiesStore((s) => s.toggleColumn);
  const detailOpen = useIdentitiesStore((s) => s.selected != null);
  return (
    <MenuButton label="Columns" panelLabel="Choose columns" testId="columns-menu">
      {() => (
        <fieldset className="menu-fieldset">
          <legend className="menu-heading">Show columns</legend>
          <label className="menu-check">
            <input type="checkbox" checked disabled />
            {NAME_COLUMN.label} <span className="muted">(always)</span>
          </label>
          {IDENTITY_COLUMNS.map((id) => {
            const c = OPTIONAL_COLUMNS[id];
            return (
              <label key={id} className="menu-check">
                <input type="checkbox" checked={chosen.includes(id)} onChange={() => toggleColumn(id)} />
                {c.title ?? c.label}
              </label>
            );
          })}
          {detailOpen && <p className="menu-note muted">Confidence and the interactive split show in the identity&apos;s panel while it is open.</p>}
        </fieldset>
      )}
    </MenuButton>
  );
}
