// Can a call leave the building: a station, an Edge behind it, and an
// outbound route at the Edge's site that takes the dialed number.
import type { ApiAnswer } from '../../http/api';
import type { Finding } from '../../types';
import { passed, skipped, type CheckContext, type CheckOutcome, type Leveled } from '../context';
import { focused, liveFinding, LIVE_RULES, only, unavailable } from '../finding';
import { entities, obj, rec, str } from '../lookups';
import { classify, routesFor, toPlans, toRoutes } from '../numberPlans';
import { SRC } from '../sources';

interface EdgeInfo { id: string; name?: string; siteId?: string; online?: boolean }

export interface StationInfo {
  outcome?: CheckOutcome;           // set when the chain stopped (fail/unknown/skipped)
  stationName?: string;
  edges: EdgeInfo[];
  /** The lookup that gave the site, for the next level's dependency. */
  siteDep?: Leveled<unknown>[];
  siteId?: string;
  /** The site's name, when the site listing gave it (messages say "HQ Site (id)", not a bare id). */
  siteName?: string;
  /** True when the site was inferred (the org has a single site), not read from the Edge. */
  siteInferred?: boolean;
  evidence: ApiAnswer[];
}

const memo = new WeakMap<CheckContext, Promise<StationInfo>>();

export function stationInfo(ctx: CheckContext): Promise<StationInfo> {
  let p = memo.get(ctx);
  if (!p) { p = resolveStation(ctx); memo.set(ctx, p); }
  return p;
}

async function resolveStation(ctx: CheckContext): Promise<StationInfo> {
  const onBehalf = ctx.targetUserId !== undefined;
  const source = onBehalf ? SRC.stationOnBehalf : SRC.station;
  const sitesP = ctx.L.sites(); // level 1, in parallel with the user lookups
  let stationsAnswer: Leveled;
  let whose: string;
  if (onBehalf) {
    stationsAnswer = await ctx.L.userStation(ctx.targetUserId!);
    whose = `user ${ctx.targetUserId}`;
    if (!stationsAnswer.answer.ok) {
      return { outcome: { state: 'unknown', summary: 'The user\'s station could not be read.', findings: [unavailable(`the station of ${whose}`, stationsAnswer.answer, ctx.needs(`/api/v2/users/${ctx.targetUserId}/station`) ?? 'ANY of telephony:otherStationAssociation:view', SRC.lookup)] }, edges: [], evidence: [] };
    }
  } else {
    const { cc } = await ctx.clientCredentials();
    if (cc) return { outcome: skipped('A client-credentials token has no user, hence no station.'), edges: [], evidence: [] };
    stationsAnswer = await ctx.L.me();
    whose = 'you';
    if (!stationsAnswer.answer.ok) {
      return { outcome: { state: 'unknown', summary: 'Your station could not be read.', findings: [unavailable('your station', stationsAnswer.answer, ctx.needs('/api/v2/users/me'), SRC.lookup)] }, edges: [], evidence: [] };
    }
  }
  const json = obj(stationsAnswer.answer)!;
  const stations = onBehalf ? json : rec(json.station);
  const station = rec(stations?.associatedStation) ?? rec(stations?.effectiveStation);
  const stationId = str(station?.id);
  if (!stationId) {
    const f = liveFinding(LIVE_RULES.stationNone, onBehalf ? 'warning' : 'error',
      (onBehalf
        ? `User ${ctx.targetUserId} has no station associated, so the on-behalf call probably fails (inferred, UNVERIFIED; a call placed as the token's user gets 400 conversation.error.no.user.station, "A station is required to place a call."). `
        : 'You have no station associated; Genesys refuses to place a call with 400 conversation.error.no.user.station ("A station is required to place a call."). ') +
      `Associate a station: PUT /api/v2/users/${onBehalf ? '{userId}/station' : 'stations/me'}/associatedstation/{stationId}.`,
      source, [focused(stationsAnswer.answer, onBehalf ? (j) => j : only('id', 'name', 'station'))]);
    return { outcome: { state: 'fail', summary: `No station associated with ${whose}.`, findings: [f] }, edges: [], evidence: [stationsAnswer.answer] };
  }
  const st = await ctx.L.station(stationsAnswer, stationId);
  const s = obj(st.answer);
  if (!s) return { outcome: { state: 'unknown', summary: 'The station could not be read.', findings: [unavailable(`station ${stationId}`, st.answer, ctx.needs(`/api/v2/stations/${stationId}`), SRC.lookup)] }, edges: [], evidence: [] };
  const name = str(s.name) ?? stationId;
  const edgeIds = [str(rec(s.primaryEdge)?.id), str(rec(s.secondaryEdge)?.id)].filter((e): e is string => !!e);
  if (edgeIds.length === 0) {
    const f = liveFinding(LIVE_RULES.stationNoEdge, 'error',
      `Station ${name} has no primary or secondary Edge; Genesys ${onBehalf ? 'probably ' : ''}answers 500 providerapi.error.no.station.for.edge. Ask the telephony admin to assign the station's phone to a site with an Edge, or associate another station.`,
      onBehalf ? SRC.edgeOnBehalf : SRC.edge, [focused(stationsAnswer.answer, onBehalf ? (j) => j : only('id', 'name', 'station')), st.answer]);
    return { outcome: { state: 'fail', summary: `Station ${name} has no Edge.`, findings: [f] }, stationName: name, edges: [], evidence: [st.answer] };
  }
  // Edge liveness and site: the level-1 site listing (Site.edges, NO permissions) names
  // each site's Edges; else the Edge API (one more round trip), else the org's only site.
  const evidence: ApiAnswer[] = [focused(stationsAnswer.answer, onBehalf ? (j) => j : only('id', 'name', 'station')), st.answer];
  const sites = await sitesP;
  const siteList = entities(sites.answer) ?? [];
  const fromSites = edgeIds.map((id) => edgeInSites(siteList, id));
  let edges: EdgeInfo[];
  let siteDep: Leveled<unknown>[] = [st, sites];
  let edgeFailure: ApiAnswer | undefined;
  if (fromSites.every((e): e is EdgeInfo => !!e)) {
    edges = fromSites;
    evidence.push(focused(sites.answer, (j) => ({ entities: (Array.isArray(j.entities) ? j.entities : []).map(rec).map((x) => ({ id: x?.id, name: x?.name, edges: x?.edges })) })));
  } else {
    const listing = await ctx.L.edges(st);
    const listed = entities(listing.answer);
    if (listed) {
      edges = edgeIds.map((id) => toEdge(listed.find((e) => e.id === id), id));
      siteDep = [listing];
      evidence.push(listing.answer);
    } else {
      edges = edgeIds.map((id) => ({ id }));
      edgeFailure = listing.answer;
    }
  }
  let siteId = edges.find((e) => e.online !== false && e.siteId)?.siteId;
  let siteInferred = false;
  if (!siteId && siteList.length === 1 && str(siteList[0].id)) {
    siteId = str(siteList[0].id);
    siteInferred = true;
    evidence.push(sites.answer);
  }
  const siteName = siteId ? str(siteList.find((x) => x.id === siteId)?.name) : undefined;
  if (edgeFailure) {
    const finding = unavailable(`whether the Edge of station ${name} is online`, edgeFailure, ctx.needs('/api/v2/telephony/providers/edges'), SRC.lookup);
    finding.severity = 'info';
    return { outcome: { state: 'unknown', summary: `Station ${name} has an Edge; whether it is online could not be read.`, findings: [finding] }, stationName: name, edges, siteDep, siteId, siteName, siteInferred, evidence };
  }
  const online = edges.filter((e) => e.online !== false);
  if (online.length === 0) {
    const f = liveFinding(LIVE_RULES.stationNoEdge, 'error',
      `No Edge of station ${name} is active (${edges.map((e) => `${e.name ?? e.id}: offline`).join(', ')}); Genesys then probably answers 500 providerapi.error.station.no.active.edge ("Could not find an Edge for this station."; the offline case is read from that code). Ask the telephony admin to bring the Edge online, or associate another station.`,
      onBehalf ? SRC.edgeOnBehalf : SRC.edge, evidence);
    return { outcome: { state: 'fail', summary: `Station ${name} has no active Edge.`, findings: [f] }, stationName: name, edges, evidence };
  }
  return { stationName: name, edges, siteDep, siteId, siteName, siteInferred, evidence };
}

/** An Edge as a site listing names it (Site.edges / primaryEdges / secondaryEdges). */
function edgeInSites(sites: Record<string, unknown>[], id: string): EdgeInfo | undefined {
  for (const site of sites) {
    for (const key of ['edges', 'primaryEdges', 'secondaryEdges']) {
      const list = site[key];
      const e = Array.isArray(list) ? list.map(rec).find((x) => x?.id === id) : undefined;
      if (e) return { ...toEdge(e, id), siteId: str(site.id) };
    }
  }
  return undefined;
}

function toEdge(e: Record<string, unknown> | undefined, id: string): EdgeInfo {
  if (!e) return { id };
  const status = str(e.onlineStatus)?.toUpperCase();
  const state = str(e.state)?.toLowerCase();
  const online = status ? status === 'ONLINE' : state ? state === 'active' : typeof e.online === 'boolean' ? e.online : undefined;
  return { id, name: str(e.name), siteId: str(rec(e.site)?.id), online };
}

export async function stationCheck(ctx: CheckContext): Promise<CheckOutcome> {
  const fact = ctx.fact('requiresStation');
  if (!fact?.value && ctx.targetUserId === undefined) return skipped('No curated fact says this operation needs a station.');
  const info = await stationInfo(ctx);
  if (info.outcome) return info.outcome;
  const unknownLive = info.edges.some((e) => e.online === undefined);
  return passed(`Station ${info.stationName} with Edge ${info.edges.map((e) => e.name ?? e.id).join(', ')}${unknownLive ? ' (online status not reported)' : ' online'}.`);
}

export async function routeCheck(ctx: CheckContext): Promise<CheckOutcome> {
  const number = str(ctx.body?.phoneNumber);
  if (!number) return skipped('The request dials no phone number.');
  if (!ctx.fact('requiresStation')?.value && ctx.targetUserId === undefined) return skipped('Not a call-placing operation.');
  const info = await stationInfo(ctx);
  if (info.outcome && !(info.outcome.state === 'unknown' && info.siteId)) return { state: info.outcome.state === 'unknown' ? 'unknown' : 'skipped', summary: `Needs the station's site first: ${info.outcome.summary}`, findings: [] };
  if (!info.siteId || !info.siteDep) {
    return { state: 'unknown', summary: 'The station\'s site is not known.', findings: [liveFinding(LIVE_RULES.unavailable, 'warning', `Could not determine the site of station ${info.stationName}: its Edge reports no site. The route verdict is unknown.`, SRC.lookup, info.evidence)] };
  }
  const site = info.siteName ? `${info.siteName} (${info.siteId})` : info.siteId;
  const [r, p] = await Promise.all([ctx.L.siteRoutes(info.siteDep, info.siteId), ctx.L.sitePlans(info.siteDep, info.siteId)]);
  const routeList = entities(r.answer);
  const planList = Array.isArray(p.answer.json) && p.answer.ok ? p.answer.json.filter((x) => rec(x)) as Record<string, unknown>[] : entities(p.answer);
  const fails: Finding[] = [];
  if (!routeList) fails.push(unavailable(`the outbound routes of site ${site}`, r.answer, ctx.needs(`/api/v2/telephony/providers/edges/sites/${info.siteId}/outboundroutes`), SRC.lookup));
  if (!planList) fails.push(unavailable(`the number plans of site ${site}`, p.answer, ctx.needs(`/api/v2/telephony/providers/edges/sites/${info.siteId}/numberplans`), SRC.lookup));
  if (fails.length) return { state: 'unknown', summary: 'Routes or number plans could not be read.', findings: fails };
  const routes = toRoutes(routeList!);
  const c = classify(toPlans(planList!), number);
  const ev = [r.answer, p.answer];
  if (!c.classification) {
    if (c.unevaluated.length) {
      return { state: 'unknown', summary: `No evaluable number plan matched ${number}.`, findings: [liveFinding(LIVE_RULES.unavailable, 'info', `Could not determine how site ${site} classifies ${number}: plans ${c.unevaluated.join(', ')} use match types the Call Doctor does not evaluate. The route verdict is unknown.`, SRC.route, ev, { pointer: '/phoneNumber' })] };
    }
    return fail(`No number plan of site ${site} classifies ${number}, so no outbound route can take it. Dial the number in a format the site's number plans match (e.g. E.164 with +country code), or ask the telephony admin to add a number plan.`, ev);
  }
  const usable = routesFor(routes, c.classification);
  if (usable.length === 0) {
    return fail(`Site ${site} classifies ${number} as "${c.classification}" (plan ${c.plan}), but no enabled outbound route there takes "${c.classification}" (routes: ${routes.map((x) => `${routeLabel(x)}: ${x.classificationTypes.join('/') || 'none'}`).join(', ') || 'none'}). Ask the telephony admin to add the classification to an outbound route.`, ev);
  }
  return passed(`Site ${site}${info.siteInferred ? ' (the org\'s only site)' : ''} classifies ${number} as "${c.classification}"; outbound route ${usable[0].name} takes it.`);
}

/** "Domestic", "Intl (disabled)"; a route whose name already says it is disabled keeps its name. */
function routeLabel(route: { name: string; enabled: boolean }): string {
  return route.enabled || /\bdisabled\b/i.test(route.name) ? route.name : `${route.name} (disabled)`;
}

function fail(message: string, ev: ApiAnswer[]): CheckOutcome {
  return { state: 'fail', summary: message.split('. ')[0] + '.', findings: [liveFinding(LIVE_RULES.routeNoMatch, 'error', message, SRC.route, ev, { pointer: '/phoneNumber' })] };
}
