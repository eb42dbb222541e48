// RFC 8628 device authorization. Real Genesys Cloud has NO device grant
// (docs/facts.md#grant-types, verified by absence); the sandbox offers it only because any
// RFC 8628 server may, and only to clients flagged deviceGrant in the fixture.
import { randomInt } from 'crypto';
import { oauthError } from '../errors';
import { formBody, sendHtml, sendJson, sendOAuthError, type Ctx } from '../http';
import type { SandboxState } from '../state';
import { opaque } from './issue';
import { deviceDonePage, devicePage } from './pages';

const DEVICE_TTL_S = 600;
const ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ'; // RFC 8628 §6.1: no vowels, no ambiguous digits

function userCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

export function handleDeviceAuthorize(ctx: Ctx): void {
  const form = formBody(ctx);
  const client = ctx.state.client(form.get('client_id') ?? '');
  if (!client) return sendOAuthError(ctx, 401, oauthError('invalid_client', 'Unknown client_id.'));
  if (!client.deviceGrant) return sendOAuthError(ctx, 400, oauthError('unauthorized_client', `${client.name} may not use the device grant.`));
  const deviceCode = opaque(32);
  const code = userCode();
  const interval = ctx.state.deviceInterval;
  ctx.state.devices.set(deviceCode, { clientId: client.id, userCode: code, expiresAt: ctx.state.now() + DEVICE_TTL_S * 1000, interval, status: 'pending' });
  const verification = `${ctx.state.baseUrl}/oauth/device`;
  sendJson(ctx, 200, {
    device_code: deviceCode, user_code: code,
    verification_uri: verification, verification_uri_complete: `${verification}?user_code=${encodeURIComponent(code)}`,
    expires_in: DEVICE_TTL_S, interval,
  });
}

/** Approve or deny a pending device request, as the verification form does. */
export function decideDevice(state: SandboxState, code: string, userId: string, approve: boolean): { ok: true } | { ok: false; reason: string } {
  const found = state.deviceByUserCode(code);
  if (!found) return { ok: false, reason: 'That code is not valid. Check it and try again.' };
  const [, pending] = found;
  if (pending.expiresAt <= state.now()) return { ok: false, reason: 'That code has expired. Start again on your device.' };
  if (pending.status !== 'pending') return { ok: false, reason: 'That code was already used.' };
  if (!state.user(userId)) return { ok: false, reason: 'Pick a user of this org.' };
  pending.status = approve ? 'approved' : 'denied';
  if (approve) pending.userId = userId;
  return { ok: true };
}

export function handleDevicePage(ctx: Ctx): void {
  const { fixture } = ctx.state;
  if (ctx.method === 'GET') return sendHtml(ctx, 200, devicePage(fixture.org.name, fixture.users, ctx.query.get('user_code') ?? ''));
  const form = formBody(ctx);
  const approve = form.get('decision') === 'approve';
  const result = decideDevice(ctx.state, form.get('user_code') ?? '', form.get('userId') ?? '', approve);
  if (!result.ok) return sendHtml(ctx, 400, devicePage(fixture.org.name, fixture.users, form.get('user_code') ?? '', result.reason));
  sendHtml(ctx, 200, deviceDonePage(approve));
}
