import { useEffect, useId } from 'react';
import { describePatternProblem, patternProblems } from '../../../shared/classification/patterns';
import type { ClassificationSettings } from '../../../shared/classification/settings';
import type { EngagementSettings } from '../../../shared/contract/settings';
import { SEVERITIES, type Severity } from '../../../shared/domain/vocabulary';
import { RULES } from '../../../shared/rules/registry';
import type { RuleSettings } from '../../../shared/rules/rule';
import { useSettingsStore } from '../stores/settingsStore';
import { AnalysisChangesPanel } from './AnalysisChangesPanel';
import { ProgressBar } from './ProgressBar';

type NumberKey<T> = { [K in keyof T]: T[K] extends number ? K : never }[keyof T];

interface NumberField<T> {
  key: NumberKey<T>;
  label: string;
  help: string;
  /** Shown and typed as a percentage, stored as a share. */
  percent?: boolean;
}

const CLASSIFICATION_FIELDS: NumberField<ClassificationSettings>[] = [
  { key: 'nonInteractiveShare', label: 'Non-interactive share', help: 'of a user account’s sign-ins before that looks like automation', percent: true },
  { key: 'automationAgentShare', label: 'Automation agents share', help: 'of sign-ins from scripts, SDKs and CLIs that looks like automation', percent: true },
  { key: 'minSignInsForBehaviour', label: 'Sign-ins before behaviour counts', help: 'fewer, and names weigh more than behaviour' },
  { key: 'regularShare', label: 'On-schedule share', help: 'of the gaps between sign-ins that marks a scheduled job', percent: true },
  { key: 'regularityToleranceShare', label: 'Schedule tolerance', help: 'a gap this close to the usual one counts as on schedule', percent: true },
  { key: 'minRegularGaps', label: 'Gaps needed for a schedule', help: 'sign-ins needed before a schedule is recognised' },
  { key: 'offHoursShare', label: 'Round-the-clock share', help: 'of sign-ins outside 07:00–19:00 UTC weekdays', percent: true },
  { key: 'breakGlassMaxSignIns', label: 'Break-glass: at most', help: 'sign-ins in the evidence window for an emergency account' },
  { key: 'dormantDays', label: 'Dormant after (days)', help: 'without a sign-in: retire rather than migrate' },
];

const RULE_FIELDS: NumberField<RuleSettings>[] = [
  { key: 'maxSecretDays', label: 'Longest secret lifetime (days)', help: 'client secrets valid for longer are a finding (NHI7)' },
  { key: 'expiringDays', label: 'Expiring within (days)', help: 'of the as-of date' },
  { key: 'reuseIps', label: 'Reuse: source addresses', help: 'a machine identity used from this many IPs looks shared (NHI9)' },
  { key: 'reuseCountries', label: 'Reuse: countries', help: 'a machine identity used from this many countries looks shared' },
];

const PATTERN_LISTS: { key: 'serviceAccountNamePatterns' | 'breakGlassNamePatterns' | 'syncAccountNamePatterns'; label: string }[] = [
  { key: 'serviceAccountNamePatterns', label: 'Service-account name patterns' },
  { key: 'breakGlassNamePatterns', label: 'Break-glass name patterns' },
  { key: 'syncAccountNamePatterns', label: 'Sync-account name patterns' },
];

function NumberInput<T>(props: { field: NumberField<T>; value: number; onChange: (v: number) => void; disabled: boolean }) {
  const id = useId();
  const shown = props.field.percent ? Math.round(props.value * 1000) / 10 : props.value;
  return (
    <div className="setting">
      <label htmlFor={id}>{props.field.label}</label>
      <input
        id={id}
        className="input setting-number"
        type="number"
        min={0}
        max={props.field.percent ? 100 : undefined}
        step={props.field.percent ? 1 : 1}
        value={shown}
        disabled={props.disabled}
        onChange={(e) => {
          const n = Number(e.target.value);
          if (Number.isFinite(n)) props.onChange(props.field.percent ? n / 100 : Math.round(n));
        }}
      />
      <span className="setting-unit muted">{props.field.percent ? '%' : ''}</span>
      <p className="setting-help muted">{props.field.help}</p>
    </div>
  );
}

/** Thresholds and name patterns of this engagement; applying them re-analyses and shows what changed. */
export function SettingsView() {
  const s = useSettingsStore();
  const id = useId();
  useEffect(() => {
    if (s.status === 'idle') void s.load();
  }, [s]);
  const draft = s.draft;
  if (!draft) return <p className="muted">{s.error ?? 'Loading settings…'}</p>;
  const busy = s.status === 'running';
  const setClassification = (patch: Partial<ClassificationSettings>): void => s.edit((d: EngagementSettings) => ({ ...d, classification: { ...d.classification, ...patch } }));
  const setRules = (patch: Partial<RuleSettings>): void => s.edit((d: EngagementSettings) => ({ ...d, rules: { ...d.rules, ...patch } }));

  return (
    <form
      className="settings-view"
      data-testid="settings-view"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        // A list with a broken pattern: the focus goes to it, where the problem is written, and nothing is applied.
        const invalid = e.currentTarget.querySelector<HTMLElement>('[aria-invalid="true"]');
        if (invalid) invalid.focus();
        else void s.apply();
      }}
    >
      <header className="settings-header">
        <div>
          <h2 id={`${id}-title`} className="section-title">
            Settings of this engagement
          </h2>
          <p className="muted">Stored in the engagement file, so a re-run gives the same result. Applying them re-analyses every identity and shows what changed.</p>
        </div>
        <div className="settings-actions">
          <button type="button" className="btn btn-ghost" onClick={s.resetToDefaults} disabled={busy}>
            Back to defaults
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Apply and re-analyse
          </button>
        </div>
      </header>
      {s.error && (
        <p className="alert alert-error" role="alert">
          {s.error}
        </p>
      )}
      {busy && <ProgressBar fraction={s.progress?.fraction ?? null} label="Re-analysis" valueText={s.progress?.phase ?? 'Starting'} />}
      {s.changes && <AnalysisChangesPanel changes={s.changes} />}

      <div className="settings-grid">
        <fieldset className="card settings-group">
          <legend>Classification</legend>
          {CLASSIFICATION_FIELDS.map((f) => (
            <NumberInput key={f.key} field={f} value={draft.classification[f.key]} disabled={busy} onChange={(v) => setClassification({ [f.key]: v })} />
          ))}
        </fieldset>
        <fieldset className="card settings-group">
          <legend>Name patterns (one regular expression a line, case-insensitive)</legend>
          {PATTERN_LISTS.map((p) => {
            const problems = patternProblems(draft.classification[p.key]);
            return (
              <div key={p.key} className="setting setting-wide">
                <label htmlFor={`${id}-${p.key}`}>{p.label}</label>
                <textarea
                  id={`${id}-${p.key}`}
                  className="input mono"
                  rows={Math.max(3, draft.classification[p.key].length + 1)}
                  spellCheck={false}
                  disabled={busy}
                  aria-invalid={problems.length > 0}
                  aria-describedby={problems.length > 0 ? `${id}-${p.key}-problems` : undefined}
                  value={draft.classification[p.key].join('\n')}
                  // Lines kept as typed (an Enter at the end must stay); blank ones are dropped when applied.
                  onChange={(e) => setClassification({ [p.key]: e.target.value.split('\n') })}
                />
                {/* Said beside the list as it is typed; Apply refuses while any remains. */}
                {problems.length > 0 && (
                  <ul id={`${id}-${p.key}-problems`} className="field-problems">
                    {problems.map((problem) => (
                      <li key={problem.line}>{describePatternProblem(problem)}</li>
                    ))}
                  </ul>
                )}
              </div>
            );
          })}
        </fieldset>
        <fieldset className="card settings-group">
          <legend>Governance rules</legend>
          {RULE_FIELDS.map((f) => (
            <NumberInput key={f.key} field={f} value={draft.rules[f.key]} disabled={busy} onChange={(v) => setRules({ [f.key]: v })} />
          ))}
          <table className="severity-table">
            <caption className="muted">Severity of each rule in this engagement</caption>
            <tbody>
              {RULES.map((r) => (
                <tr key={r.meta.id}>
                  <th scope="row">{r.meta.title}</th>
                  <td>
                    <select
                      className="input"
                      aria-label={`Severity of: ${r.meta.title}`}
                      value={draft.rules.severities[r.meta.id] ?? ''}
                      disabled={busy}
                      onChange={(e) => {
                        const others = Object.fromEntries(Object.entries(draft.rules.severities).filter(([rule]) => rule !== r.meta.id));
                        setRules({ severities: e.target.value ? { ...others, [r.meta.id]: e.target.value as Severity } : others });
                      }}
                    >
                      <option value="">{`Default (${r.meta.severity})`}</option>
                      {SEVERITIES.map((sev) => (
                        <option key={sev} value={sev}>
                          {sev}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </fieldset>
      </div>
    </form>
  );
}
