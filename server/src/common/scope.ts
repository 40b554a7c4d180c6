import { registerEnumType } from 'type-graphql';

export enum Role {
  ADMIN = 'ADMIN',
  REGIONAL = 'REGIONAL',
  COUNTY = 'COUNTY',
  ANALYST = 'ANALYST',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do: see docs/overview.md, "Who may do what".',
  valuesConfig: {
    ADMIN: { description: '系统管理员 — everything, users, API keys and policy' },
    REGIONAL: { description: '地区工作人员 — everything in the region but users and policy' },
    COUNTY: { description: '县级工作人员 — its own county; region-level rows read-only' },
    ANALYST: { description: '分析人员 — reads the region (no phone numbers), writes nothing' },
  },
});

/**
 * Who is asking, reduced to what access checks need. Everything that decides whether a
 * row is visible or writable looks at this and nothing else.
 */
export interface Principal {
  userId: number;
  username: string;
  role: Role;
  regionId: number | null;
  countyId: number | null;
  /** Set for a dashboard's API key: analytics queries only. */
  apiKeyId?: number;
  /** The login session the token names (what `logout` ends). */
  sessionId?: string;
}

/** How far a principal's reach extends: the one input of every scoping predicate. */
export type Scope =
  | { level: 'ALL' }
  | { level: 'REGION'; regionId: number }
  | { level: 'COUNTY'; regionId: number; countyId: number }
  | { level: 'NONE' };

export function scopeOf(principal: Principal | null): Scope {
  if (!principal) return { level: 'NONE' };
  switch (principal.role) {
    case Role.ADMIN:
      return { level: 'ALL' };
    case Role.REGIONAL:
    case Role.ANALYST:
      return principal.regionId == null ? { level: 'NONE' } : { level: 'REGION', regionId: principal.regionId };
    case Role.COUNTY:
      return principal.regionId == null || principal.countyId == null
        ? { level: 'NONE' }
        : { level: 'COUNTY', regionId: principal.regionId, countyId: principal.countyId };
  }
}

/** Where a row sits in the hierarchy: what write checks and audit scoping look at. */
export interface Location {
  regionId: number | null;
  countyId: number | null;
}

/** Whether a row at `loc` lies inside `scope` (used for writes; reads are filtered in SQL). */
export function scopeContains(scope: Scope, loc: Location): boolean {
  switch (scope.level) {
    case 'ALL':
      return true;
    case 'REGION':
      return loc.regionId === scope.regionId;
    case 'COUNTY':
      return loc.countyId === scope.countyId;
    case 'NONE':
      return false;
  }
}
