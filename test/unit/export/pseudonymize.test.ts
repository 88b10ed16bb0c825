import { describe, expect, it } from 'vitest';
import { Pseudonymizer } from '../../../electron/engine/export/pseudonymize';

const key = Buffer.alloc(32, 7);

function withNames(): Pseudonymizer {
  const p = new Pseudonymizer(key);
  p.addName('Anna Novak', 'User');
  p.addName('Contoso HR Sync', 'App');
  p.addName('Contoso', 'Tenant');
  p.addName('IT', 'App');
  return p;
}

describe('pseudonymizer', () => {
  it('replaces whole names, and names, addresses and IPs inside text, the same way every time', () => {
    const p = withNames();
    const anna = p.text('Anna Novak');
    expect(anna).toMatch(/^User [A-Z0-9x]{6}$/u);
    expect(p.text('anna novak')).toBe(anna);
    const evidence = p.text('Owner Anna Novak (a.novak@contoso.com) is disabled; signed in from 203.0.113.7 and 2001:db8::7 at 10:15:00');
    expect(evidence).not.toMatch(/Anna|Novak|novak|contoso|203\.0\.113\.7|2001:db8/iu);
    expect(evidence).toContain(anna);
    expect(evidence).toContain('at 10:15:00');
    expect(evidence).toMatch(/user-[a-z0-9x]{6}@pseudonym\.invalid/u);
    expect(evidence).toMatch(/ip-[a-z0-9x]{6}/u);
    expect(p.text('Contoso HR Sync')).toMatch(/^App /u);
    expect(p.text('Owner on /providers/Microsoft.Management/managementGroups/mg-contoso')).toMatch(/^Owner on \/providers\/Microsoft\.Management\/managementGroups\/name-[a-z0-9x]{6}$/u);
    expect(p.text('AcrPull at /subscriptions/f018881d-0c90-41ce-8be1-f0152098441c/resourceGroups/rg-aks-prod/providers/Microsoft.ContainerRegistry/registries/crcontosoprod (active)')).toMatch(
      /^AcrPull at \/subscriptions\/f018881d-0c90-41ce-8be1-f0152098441c\/resourceGroups\/name-[a-z0-9x]{6}\/providers\/Microsoft\.ContainerRegistry\/registries\/name-[a-z0-9x]{6} \(active\)$/u,
    );
  });

  it('leaves words that only contain a name, and short names inside text, alone', () => {
    const p = withNames();
    expect(p.text('Contosoville Reports')).toBe('Contosoville Reports');
    expect(p.text('IT')).toMatch(/^App /u);
    expect(p.text('Ask IT support')).toBe('Ask IT support');
    expect(p.text('Version 1.2.3 of the agent')).toBe('Version 1.2.3 of the agent');
  });

  it('gives different pseudonyms under a different engagement key', () => {
    const other = new Pseudonymizer(Buffer.alloc(32, 9));
    other.addName('Anna Novak', 'User');
    expect(other.text('Anna Novak')).not.toBe(withNames().text('Anna Novak'));
    expect(new Pseudonymizer(key).identityKey('obj:1')).toBe(new Pseudonymizer(key).identityKey('obj:1'));
  });
});
