/** What a key may do. `admin` implies every other scope. */
export const SCOPES = [
  'screenings:write',
  'screenings:read',
  'lists:read',
  'lists:write',
  'batches:write',
  'batches:read',
  'webhooks:manage',
  'alerts:read',
  'alerts:review',
  'alerts:approve',
  'customers:read',
  'customers:write',
  'metrics:read',
  'admin',
] as const;
export type Scope = (typeof SCOPES)[number];

export interface ApiPrincipal {
  keyId: string;
  name: string;
  scopes: Scope[];
  /** Every object the key makes belongs to this workspace, and it sees only this workspace's objects. */
  workspaceId: string;
  rateLimitPerMinute: number | null;
}

export function hasScope(principal: Pick<ApiPrincipal, 'scopes'>, scope: Scope): boolean {
  return principal.scopes.includes('admin') || principal.scopes.includes(scope);
}

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}
