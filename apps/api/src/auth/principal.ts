/** Who is calling: the organization a credential belongs to and what it may do. */
export interface Principal {
  organizationId: string;
  credentialType: 'API_KEY' | 'ACCESS_TOKEN';
  /** The ApiKey or AccessToken row id; rate limits and idempotency keys are per credential. */
  credentialId: string;
  apiKeyId: string;
  apiKeyPrefix: string;
  isOwner: boolean;
  canActForUsers: boolean;
  /** A Sharely role-scoped access token's role; absent for keys and role-less tokens. */
  roleId?: string | undefined;
}

/** A Sharely widget visitor (temporal user): the one space its token opens. */
export interface Visitor {
  id: string;
  organizationId: string;
  workspaceId: string;
  spaceId: string;
  roleId?: string | undefined;
  expiresAt: Date;
}

/** Who an audit event names: the credential itself, or the Slack user a bot acts for. */
export interface Actor {
  type: 'API_KEY' | 'ACCESS_TOKEN' | 'SLACK_USER' | 'ADMIN' | 'SYSTEM' | 'VISITOR';
  id: string;
}

/** Who the audit log and the events name for changes Switchboard makes by itself (queue drain, auto-close). */
export const switchboardActor: Actor = { type: 'SYSTEM', id: 'switchboard' };

export function actorOf(principal: Principal): Actor {
  return { type: principal.credentialType, id: principal.credentialId };
}
