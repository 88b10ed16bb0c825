import { describe, expect, it } from 'vitest';
import { isPowerShellTypeName, parseJsonCell, scalarOrNull, splitList } from '../../../shared/parse/cells';
import {
  federatedCredentialsFromCell,
  keyCredentialsFromCell,
  passwordCredentialsFromCell,
  requiredPermissionsFromCell,
} from '../../../shared/parse/credentialCells';

describe('PowerShell type names in cells', () => {
  it.each([
    'System.Object[]',
    'System.String[]',
    'Microsoft.Graph.PowerShell.Models.MicrosoftGraphPasswordCredential[]',
    'Microsoft.Azure.PowerShell.Cmdlets.Resources.MSGraph.Models.ApiV10.MicrosoftGraphKeyCredential[]',
    'Microsoft.Graph.PowerShell.Models.MicrosoftGraphVerifiedPublisher',
    'System.Collections.Generic.Dictionary`2[System.String,System.Object]',
    // The retired AzureAD module.
    'System.Collections.Generic.List`1[Microsoft.Open.AzureAD.Model.PasswordCredential]',
    ' System.Object[] ',
  ])('flags %s as lost data', (v) => expect(isPowerShellTypeName(v)).toBe(true));

  // Real display names of first-party service principals look like type names but are data.
  it.each(['Microsoft.Azure.SyncFabric', 'Microsoft.SMIT.Analysis.Service', 'System Center', 'etl-runner', '', 'System'])('keeps %s as data', (v) =>
    expect(isPowerShellTypeName(v)).toBe(false),
  );
});

describe('JSON and lists in cells', () => {
  it('parses JSON objects and arrays only, and never throws', () => {
    expect(parseJsonCell('{"a":1}')).toEqual({ a: 1 });
    expect(parseJsonCell(' [1,2] ')).toEqual([1, 2]);
    expect(parseJsonCell('{broken')).toBeUndefined();
    expect(parseJsonCell('{not json}')).toBeUndefined();
    expect(parseJsonCell('42')).toBeUndefined();
    expect(parseJsonCell(undefined)).toBeUndefined();
  });

  it('splits the portal\'s ", " lists, European ";" lists and JSON arrays', () => {
    expect(splitList('Microsoft Authenticator app, Mobile phone')).toEqual(['Microsoft Authenticator app', 'Mobile phone']);
    expect(splitList('fido2;windowsHelloForBusiness;')).toEqual(['fido2', 'windowsHelloForBusiness']);
    expect(splitList('["email","mobilePhone"]')).toEqual(['email', 'mobilePhone']);
    expect(splitList('')).toEqual([]);
    expect(splitList(null)).toEqual([]);
  });

  it('never keeps a JSON cell as a scalar value', () => {
    expect(scalarOrNull('{"value":"x"}')).toBeNull();
    expect(scalarOrNull('[]')).toBeNull();
    expect(scalarOrNull('  Alice ')).toBe('Alice');
    expect(scalarOrNull('')).toBeNull();
  });
});

describe('credentials flattened into cells', () => {
  it('reads client secrets in Graph camelCase, lower-casing key ids', () => {
    const cell = '[{"displayName":"ci","endDateTime":"2027-01-31T00:00:00Z","hint":"Abc","keyId":"C0C0C0C0-5555-4555-8555-000000000001","startDateTime":"2026-01-31T00:00:00Z"}]';
    expect(passwordCredentialsFromCell(cell, 'month-first')).toEqual([
      expect.objectContaining({
        type: 'password',
        keyId: 'c0c0c0c0-5555-4555-8555-000000000001',
        displayName: 'ci',
        start: '2026-01-31T00:00:00.000Z',
        end: '2027-01-31T00:00:00.000Z',
        hint: 'Abc',
      }),
    ]);
  });

  it('reads a Windows PowerShell certificate: bare object, PascalCase, /Date()/ dates, byte-array thumbprint', () => {
    const bytes = Array.from({ length: 20 }, (_, i) => i * 12);
    const cell = JSON.stringify({ KeyId: 'k1', Type: 'AsymmetricX509Cert', StartDateTime: '/Date(1767225600000)/', EndDateTime: { value: '/Date(1830297600000)/', DisplayHint: 2 }, CustomKeyIdentifier: bytes });
    const [c] = keyCredentialsFromCell(cell, 'month-first') ?? [];
    expect(c).toMatchObject({ type: 'certificate', keyId: 'k1', start: '2026-01-01T00:00:00.000Z', end: '2028-01-01T00:00:00.000Z' });
    expect(c?.thumbprint).toBe(bytes.map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase());
  });

  it('reads a base64 thumbprint, ignores a custom label, and records a symmetric key as a secret', () => {
    const b64 = btoa(String.fromCharCode(...Array.from({ length: 20 }, () => 0xab)));
    expect(keyCredentialsFromCell(JSON.stringify([{ customKeyIdentifier: b64 }]), 'month-first')?.[0]?.thumbprint).toBe('AB'.repeat(20));
    expect(keyCredentialsFromCell('[{"customKeyIdentifier":"bXktbGFiZWw="}]', 'month-first')?.[0]?.thumbprint).toBeNull();
    expect(keyCredentialsFromCell('[{"type":"Symmetric"}]', 'month-first')?.[0]?.type).toBe('password');
  });

  it('says "no data" (null) for type names and text, and "none" ([]) for an empty array', () => {
    expect(passwordCredentialsFromCell('Microsoft.Graph.PowerShell.Models.MicrosoftGraphPasswordCredential[]', 'month-first')).toBeNull();
    expect(passwordCredentialsFromCell('', 'month-first')).toBeNull();
    expect(passwordCredentialsFromCell('[]', 'month-first')).toEqual([]);
  });

  it('reads federated credentials and required permissions', () => {
    const fic = '[{"id":"F1","name":"gh-main","issuer":"https://token.actions.githubusercontent.com","subject":"repo:o/r:ref:refs/heads/main","audiences":["api://AzureADTokenExchange"]}]';
    expect(federatedCredentialsFromCell(fic)?.[0]).toMatchObject({ type: 'federated', keyId: 'f1', displayName: 'gh-main', subject: 'repo:o/r:ref:refs/heads/main', audiences: ['api://AzureADTokenExchange'] });
    const rra = '[{"resourceAppId":"00000003-0000-0000-c000-000000000000","resourceAccess":[{"id":"r1","type":"Role"},{"id":"s1","type":"Scope"},{"id":"x","type":"Other"}]}]';
    expect(requiredPermissionsFromCell(rra)).toEqual([
      { resourceAppId: '00000003-0000-0000-c000-000000000000', permissionId: 'r1', type: 'Role', source: 'required' },
      { resourceAppId: '00000003-0000-0000-c000-000000000000', permissionId: 's1', type: 'Scope', source: 'required' },
    ]);
  });
});
