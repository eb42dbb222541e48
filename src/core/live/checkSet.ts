// The live checks, in the order they are reported.
import { entityChecks } from './checks/entities';
import { grantCheck, permissionCheck, scopeCheck } from './checks/identity';
import { routeCheck, stationCheck } from './checks/telephony';
import type { CheckContext, CheckOutcome } from './context';

export interface CheckDef { id: string; title: string; run: (ctx: CheckContext) => Promise<CheckOutcome> }

export const CHECKS: readonly CheckDef[] = [
  { id: 'grant', title: 'User context', run: grantCheck },
  { id: 'scope', title: 'OAuth scope', run: scopeCheck },
  { id: 'permission', title: 'Permissions', run: permissionCheck },
  { id: 'station', title: 'Station and Edge', run: stationCheck },
  { id: 'route', title: 'Outbound route', run: routeCheck },
  { id: 'queue', title: 'Queue', run: entityChecks.queue },
  { id: 'user', title: 'User', run: entityChecks.user },
];
