// Stations, sites, outbound routes and number plans (docs/facts.md#stations, #outbound-routes).
import { byName, paged, sendJson, type Ctx } from '../http';
import { notFound } from './identity';
import { numberPlanModel, routeBase, routeModel, siteModel, stationModel } from './models';

export function getStations(ctx: Ctx): void {
  const id = ctx.query.get('id');
  const list = ctx.state.fixture.stations.filter(byName(ctx)).filter((s) => !id || s.id === id);
  sendJson(ctx, 200, paged(ctx, list.map((s) => stationModel(ctx.state, s))));
}

export function getStation(ctx: Ctx): void {
  const s = ctx.state.station(ctx.params.stationId);
  if (!s) return notFound(ctx);
  sendJson(ctx, 200, stationModel(ctx.state, s));
}

export function getSites(ctx: Ctx): void {
  sendJson(ctx, 200, paged(ctx, ctx.state.fixture.sites.filter(byName(ctx)).map((s) => siteModel(ctx.state, s))));
}

export function getSite(ctx: Ctx): void {
  const s = ctx.state.site(ctx.params.siteId);
  if (!s) return notFound(ctx);
  sendJson(ctx, 200, siteModel(ctx.state, s));
}

export function getSiteOutboundroutes(ctx: Ctx): void {
  if (!ctx.state.site(ctx.params.siteId)) return notFound(ctx);
  const routes = ctx.state.fixture.outboundRoutes.filter((r) => r.siteId === ctx.params.siteId).filter(byName(ctx));
  sendJson(ctx, 200, paged(ctx, routes.map(routeBase)));
}

export function getSiteOutboundroute(ctx: Ctx): void {
  const route = ctx.state.fixture.outboundRoutes.find((r) => r.siteId === ctx.params.siteId && r.id === ctx.params.outboundRouteId);
  if (!route) return notFound(ctx);
  sendJson(ctx, 200, routeBase(route));
}

export function getOutboundroutes(ctx: Ctx): void {
  const siteId = ctx.query.get('siteId');
  const routes = ctx.state.fixture.outboundRoutes.filter((r) => !siteId || r.siteId === siteId).filter(byName(ctx));
  sendJson(ctx, 200, paged(ctx, routes.map((r) => routeModel(ctx.state, r))));
}

/** Array<NumberPlan>, "Only fetches the first 200 records" (docs/facts.md#outbound-routes). */
export function getSiteNumberplans(ctx: Ctx): void {
  if (!ctx.state.site(ctx.params.siteId)) return notFound(ctx);
  const plans = ctx.state.fixture.numberPlans.filter((n) => n.siteId === ctx.params.siteId).sort((a, b) => a.priority - b.priority);
  sendJson(ctx, 200, plans.slice(0, 200).map(numberPlanModel));
}

/** Array<string> of the site's classifications, optionally filtered by `classification`. */
export function getSiteNumberplanClassifications(ctx: Ctx): void {
  if (!ctx.state.site(ctx.params.siteId)) return notFound(ctx);
  const wanted = ctx.query.get('classification')?.toLowerCase();
  const names = [...new Set(ctx.state.fixture.numberPlans.filter((n) => n.siteId === ctx.params.siteId).map((n) => n.classification))];
  sendJson(ctx, 200, names.filter((n) => !wanted || n.toLowerCase() === wanted));
}
