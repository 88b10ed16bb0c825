/**
 * applications.json (`GET /applications?$expand=owners`, with each app's federatedIdentityCredentials
 * merged in by the exporter) and servicePrincipals.json (`GET /servicePrincipals`).
 */
import { FIRST_PARTY_SERVICE_PRINCIPALS, GRAPH_ROLE, MICROSOFT_SERVICES_TENANT, RESOURCE } from '../catalogue';
import { thumbprintBase64 } from '../credentials';
import type { CertificateCredential, ManagedIdentity, OwnApp, Tenant, ThirdPartyApp } from '../model';
import { Rng } from '../prng';
import { isoSeconds, isoSevenDigits } from '../time';
import { NO_PUBLISHER, graphOwner, writeGraphList } from './graphJson';

function keyCredential(c: CertificateCredential): Record<string, unknown> {
  return {
    customKeyIdentifier: thumbprintBase64(c.thumbprint),
    displayName: c.displayName,
    endDateTime: isoSevenDigits(c.endMs),
    key: null,
    keyId: c.keyId,
    startDateTime: isoSevenDigits(c.startMs),
    type: 'AsymmetricX509Cert',
    usage: 'Verify',
  };
}

function application(app: OwnApp, domain: string): Record<string, unknown> {
  return {
    id: app.objectId,
    deletedDateTime: null,
    appId: app.appId,
    applicationTemplateId: null,
    disabledByMicrosoftStatus: null,
    createdDateTime: isoSeconds(app.createdMs),
    displayName: app.displayName,
    description: app.description,
    groupMembershipClaims: null,
    identifierUris: [],
    isDeviceOnlyAuthSupported: null,
    isFallbackPublicClient: app.publicClient ? true : null,
    notes: null,
    publisherDomain: domain,
    serviceManagementReference: null,
    signInAudience: app.signInAudience,
    tags: [],
    tokenEncryptionKeyId: null,
    verifiedPublisher: NO_PUBLISHER,
    publicClient: { redirectUris: app.publicClient ? app.redirectUris : [] },
    web: {
      homePageUrl: null,
      logoutUrl: null,
      redirectUris: app.publicClient ? [] : app.redirectUris,
      implicitGrantSettings: { enableAccessTokenIssuance: false, enableIdTokenIssuance: false },
    },
    spa: { redirectUris: [] },
    requiredResourceAccess:
      app.graphRoles.length === 0 ? [] : [{ resourceAppId: RESOURCE.graph.id, resourceAccess: app.graphRoles.map((r) => ({ id: GRAPH_ROLE[r], type: 'Role' })) }],
    keyCredentials: app.certificates.map(keyCredential),
    passwordCredentials: app.passwords.map((p) => ({
      customKeyIdentifier: null,
      displayName: p.displayName,
      endDateTime: p.end,
      hint: p.hint,
      keyId: p.keyId,
      secretText: null,
      startDateTime: isoSevenDigits(p.startMs),
    })),
    owners: app.owners.map(graphOwner),
    federatedIdentityCredentials: app.federated.map((f) => ({
      audiences: ['api://AzureADTokenExchange'],
      description: f.description,
      id: f.id,
      issuer: f.issuer,
      name: f.name,
      subject: f.subject,
    })),
  };
}

export function writeApplications(path: string, tenant: Tenant): Promise<number> {
  return writeGraphList(path, 'applications(owners())', tenant.apps.map((a) => application(a, tenant.domain)));
}

interface SpInit {
  readonly id: string;
  readonly appId: string;
  readonly displayName: string;
  readonly owner: string | null;
  readonly type: 'Application' | 'ManagedIdentity';
  readonly audience: string;
  readonly tags: readonly string[];
  readonly alternativeNames?: readonly string[];
  readonly names?: readonly string[];
  readonly homepage?: string | null;
  readonly replyUrls?: readonly string[];
  readonly publisher?: Record<string, unknown>;
  readonly keyCredentials?: readonly Record<string, unknown>[];
}

function servicePrincipal(s: SpInit): Record<string, unknown> {
  return {
    id: s.id,
    deletedDateTime: null,
    accountEnabled: true,
    alternativeNames: s.alternativeNames ?? [],
    appDisplayName: s.displayName,
    appDescription: null,
    appId: s.appId,
    applicationTemplateId: null,
    appOwnerOrganizationId: s.owner,
    appRoleAssignmentRequired: false,
    description: null,
    disabledByMicrosoftStatus: null,
    displayName: s.displayName,
    homepage: s.homepage ?? null,
    loginUrl: null,
    logoutUrl: null,
    notes: null,
    notificationEmailAddresses: [],
    preferredSingleSignOnMode: null,
    preferredTokenSigningKeyThumbprint: null,
    replyUrls: s.replyUrls ?? [],
    servicePrincipalNames: s.names ?? [s.appId],
    servicePrincipalType: s.type,
    signInAudience: s.audience,
    tags: s.tags,
    tokenEncryptionKeyId: null,
    verifiedPublisher: s.publisher ?? NO_PUBLISHER,
    keyCredentials: s.keyCredentials ?? [],
    passwordCredentials: [],
  };
}

const ownSp = (a: OwnApp, tenantId: string): SpInit => ({
  id: a.spId, appId: a.appId, displayName: a.displayName, owner: tenantId, type: 'Application', audience: a.signInAudience,
  tags: ['WindowsAzureActiveDirectoryIntegratedApp'], replyUrls: a.redirectUris,
});

const thirdPartySp = (t: ThirdPartyApp, seed: number): SpInit => {
  const rng = Rng.fork(seed, 'publisher', t.key);
  return {
    id: t.spId, appId: t.appId, displayName: t.displayName, owner: t.ownerTenantId, type: 'Application', audience: 'AzureADMultipleOrgs',
    tags: ['WindowsAzureActiveDirectoryIntegratedApp'], homepage: t.homepage, replyUrls: [`${t.homepage}/signin-oidc`],
    publisher: { displayName: t.publisher, verifiedPublisherId: String(rng.int(1000000, 9999999)), addedDateTime: '2021-03-11T16:42:07Z' },
  };
};

/** Managed identities: no app registration, an auto-rotated certificate, and the ARM id in alternativeNames. */
const managedSp = (m: ManagedIdentity): SpInit => ({
  id: m.spId, appId: m.appId, displayName: m.displayName, owner: null, type: 'ManagedIdentity', audience: 'AzureADMyOrg', tags: [],
  alternativeNames: [m.type === 'userAssigned' ? 'isExplicit=True' : 'isExplicit=False', m.armId],
  names: [m.appId, `https://identity.azure.net/${Buffer.from(m.certificate.thumbprint, 'hex').toString('base64')}`],
  keyCredentials: [keyCredential(m.certificate)],
});

export function writeServicePrincipals(path: string, tenant: Tenant): Promise<number> {
  const firstParty = (seed: number) =>
    FIRST_PARTY_SERVICE_PRINCIPALS.map((a) => ({
      id: Rng.fork(seed, 'first-party-sp', a.id).guid(), appId: a.id, displayName: a.name, owner: MICROSOFT_SERVICES_TENANT,
      type: 'Application' as const, audience: 'AzureADMultipleOrgs', tags: [],
    }));
  const all: SpInit[] = [
    ...firstParty(tenant.seed),
    ...tenant.apps.map((a) => ownSp(a, tenant.tenantId)),
    ...tenant.thirdParty.map((t) => thirdPartySp(t, tenant.seed)),
    ...tenant.managedIdentities.map(managedSp),
  ];
  return writeGraphList(path, 'servicePrincipals', all.map(servicePrincipal));
}
