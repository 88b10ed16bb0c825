import type { SignInCategory } from './vocabulary';

/** One sign-in event in canonical form, whatever file it came from. */
export interface SignInRecord {
  requestId: string;
  category: SignInCategory;
  timeMs: number;
  userId: string | null;
  upn: string | null;
  userDisplayName: string | null;
  userType: string | null;
  spId: string | null;
  spName: string | null;
  appId: string | null;
  appName: string | null;
  resourceId: string | null;
  resourceName: string | null;
  clientApp: string | null;
  userAgent: string | null;
  ip: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  asn: number | null;
  status: string | null;
  errorCode: number | null;
  failureReason: string | null;
  authRequirement: string | null;
  authProtocol: string | null;
  mfaResult: string | null;
  mfaMethod: string | null;
  incomingTokenType: string | null;
  crossTenantAccess: string | null;
  credentialType: string | null;
  credentialKeyId: string | null;
  credentialThumbprint: string | null;
  msiType: string | null;
  associatedResourceId: string | null;
  conditionalAccess: string | null;
  deviceId: string | null;
  operatingSystem: string | null;
  browser: string | null;
  homeTenantId: string | null;
  resourceTenantId: string | null;
  correlationId: string | null;
}

/** A user object from a directory export. */
export interface UserRecord {
  objectId: string | null;
  upn: string | null;
  displayName: string | null;
  userType: string | null;
  accountEnabled: boolean | null;
  mail: string | null;
  jobTitle: string | null;
  department: string | null;
  createdAt: string | null;
  creationType: string | null;
  onPremisesSync: boolean | null;
  /** The directory's own last sign-in dates (Graph signInActivity), ISO-8601 UTC, when the export has them. */
  lastSignIn?: string | null;
  lastNonInteractiveSignIn?: string | null;
  lastSuccessfulSignIn?: string | null;
}

/** A password (client secret), certificate or federated credential of an application or service principal. */
export interface CredentialRecord {
  type: 'password' | 'certificate' | 'federated';
  keyId: string | null;
  displayName: string | null;
  /** ISO-8601 UTC. */
  start: string | null;
  end: string | null;
  hint: string | null;
  thumbprint: string | null;
  /** Federated credentials: token issuer, subject and audiences. */
  issuer: string | null;
  subject: string | null;
  audiences: string[];
}

export interface OwnerRecord {
  objectId: string;
  upn: string | null;
  displayName: string | null;
  /** user, servicePrincipal, group… as the export names it. */
  type: string | null;
}

/** An application permission or delegated scope an app asks for or holds. */
export interface PermissionRecord {
  resourceAppId: string;
  permissionId: string;
  /** Role = application permission, Scope = delegated. */
  type: 'Role' | 'Scope';
  /** `required` = requiredResourceAccess of the app; `granted` = an appRoleAssignment of the service principal. */
  source: 'required' | 'granted';
}

/** An application registration or a service principal (including managed identities). */
export interface DirectoryObjectRecord {
  kind: 'application' | 'service_principal';
  objectId: string;
  appId: string | null;
  displayName: string | null;
  /** Service principals: Application, ManagedIdentity, Legacy, SocialIdp. */
  spType: string | null;
  appOwnerOrgId: string | null;
  signInAudience: string | null;
  accountEnabled: boolean | null;
  createdAt: string | null;
  description: string | null;
  /** Managed identities: system- or user-assigned, and the Azure resource behind it. */
  msiType: 'systemAssigned' | 'userAssigned' | null;
  msiResourceId: string | null;
  tags: string[];
  /** False when the export could not carry credentials (PowerShell type names, portal lists): unknown, not none. */
  credentialsKnown?: boolean;
  credentials: CredentialRecord[];
  owners: OwnerRecord[];
  permissions: PermissionRecord[];
}

/** An Azure RBAC or Entra directory role assignment (active or eligible). */
export interface RoleAssignmentRecord {
  system: 'azure' | 'entra';
  assignmentId: string | null;
  principalObjectId: string | null;
  principalName: string | null;
  /** User, Group, ServicePrincipal, ForeignGroup, Unknown (deleted)… */
  principalType: string | null;
  roleName: string;
  roleDefinitionId: string | null;
  /** Azure: the ARM scope; Entra: the directory scope ("/" = tenant). */
  scope: string;
  state: 'active' | 'eligible';
  start: string | null;
  end: string | null;
  memberType: string | null;
}

/** A user's MFA registration (Graph userRegistrationDetails or the portal's download). */
export interface MfaRegistrationRecord {
  userObjectId: string | null;
  upn: string | null;
  displayName: string | null;
  isMfaCapable: boolean | null;
  isMfaRegistered: boolean | null;
  isPasswordlessCapable: boolean | null;
  isAdmin: boolean | null;
  /** Graph method tokens (fido2, microsoftAuthenticatorPush, …) or the portal's friendly names; null = unknown. */
  methods: string[] | null;
  defaultMethod: string | null;
  lastUpdated: string | null;
}

/** One authentication step of a sign-in (the portal's `_AuthDetails_` companion, or Graph authenticationDetails). */
export interface AuthDetailRecord {
  requestId: string;
  step: number;
  method: string | null;
  methodDetail: string | null;
  succeeded: boolean | null;
  resultDetail: string | null;
  requirement: string | null;
}
