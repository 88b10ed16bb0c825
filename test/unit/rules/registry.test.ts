import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAMEWORKS, frameworkRefs, RULES, validateRegistry } from '../../../shared/rules/registry';
import { ROOT } from '../../support/paths';

describe('rule registry', () => {
  it('holds every rule file, each exporting the rule whose id is its file name', async () => {
    const files = readdirSync(join(ROOT, 'shared', 'rules', 'checks')).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/u, ''));
    expect(RULES.map((r) => r.meta.id)).toEqual([...files].sort());
    for (const f of files) {
      const mod = (await import(`../../../shared/rules/checks/${f}.ts`)) as { rule: { meta: { id: string } } };
      expect(mod.rule.meta.id, f).toBe(f);
    }
  });

  it('maps every rule in every framework, and every mapping to an existing rule', () => {
    const ids = new Set(RULES.map((r) => r.meta.id));
    for (const f of FRAMEWORKS) for (const q of f.requirements) for (const id of q.ruleIds) expect(ids.has(id), `${f.id} ${q.id} → ${id}`).toBe(true);
    for (const r of RULES) for (const f of FRAMEWORKS) expect(frameworkRefs(r.meta.id)[f.id].length, `${r.meta.id} in ${f.id}`).toBeGreaterThan(0);
    expect(frameworkRefs('password-grant-in-use')).toEqual({ 'owasp-nhi-2025': ['NHI4:2025'], 'nist-csf-2': ['PR.AA-03'], 'nist-sp-800-207': ['Tenet 6'] });
  });

  it('refuses bad metadata, duplicate ids, unmapped rules and mappings to missing rules, all at once', () => {
    const [a] = RULES;
    if (!a) throw new Error('no rules');
    const bad = { ...a, meta: { ...a.meta, id: 'Bad_Id', title: 'Ensure something' } };
    const framework = { ...FRAMEWORKS[0], requirements: [{ id: 'X', title: 'x', ruleIds: [a.meta.id, 'ghost-rule'] }] } as (typeof FRAMEWORKS)[number];
    expect(() => validateRegistry([a, a, bad], [framework])).toThrow(/id used twice/u);
    try {
      validateRegistry([a, a, bad], [framework]);
    } catch (err) {
      const text = (err as Error).message;
      expect(text).toContain(`${a.meta.id}: id used twice`);
      expect(text).toContain('maps ghost-rule, which is not a rule');
      expect(text).toContain('Bad_Id is not mapped');
      expect(text).toContain('say what is wrong');
    }
  });
});
