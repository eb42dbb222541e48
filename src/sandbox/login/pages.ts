// The small HTML pages of the sandbox login host: sign-in/consent and the
// device verification page. Plain forms, no scripts, so tests (and curl) can
// drive them exactly as a browser would.
import { escapeHtml as e } from '../http';
import type { FixtureUser } from '../fixtureTypes';

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${e(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}
label,select,input,button{display:block;margin:.5rem 0}.note{color:#666;font-size:.9em}</style></head>
<body><h1>${e(title)}</h1>${body}<p class="note">Genesys Cloud Call Doctor sandbox org — not a Genesys service.</p></body></html>`;
}

function userSelect(users: FixtureUser[]): string {
  const options = users.map((u) => `<option value="${e(u.id)}">${e(u.name)} &lt;${e(u.email)}&gt;</option>`).join('');
  return `<label for="userId">Sign in as</label><select id="userId" name="userId">${options}</select>`;
}

export function loginPage(clientName: string, orgName: string, hidden: Record<string, string>, users: FixtureUser[]): string {
  const inputs = Object.entries(hidden).map(([k, v]) => `<input type="hidden" name="${e(k)}" value="${e(v)}">`).join('');
  return page(`Sign in to ${orgName}`, `<p>The application <strong>${e(clientName)}</strong> asks to act on your behalf.</p>
<form method="post" action="/oauth/authorize">${inputs}${userSelect(users)}
<button type="submit" name="decision" value="approve">Sign in and allow</button>
<button type="submit" name="decision" value="deny">Deny</button></form>`);
}

export function errorPage(message: string): string {
  return page('Sign-in error', `<p>${e(message)}</p>`);
}

export function devicePage(orgName: string, users: FixtureUser[], userCode = '', message = ''): string {
  return page(`Connect a device to ${orgName}`, `${message ? `<p><strong>${e(message)}</strong></p>` : ''}
<form method="post" action="/oauth/device"><label for="user_code">Code shown on your device</label>
<input id="user_code" name="user_code" value="${e(userCode)}" autocomplete="off">${userSelect(users)}
<button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny">Deny</button></form>`);
}

export function deviceDonePage(approved: boolean): string {
  return page(approved ? 'Device connected' : 'Request denied',
    `<p>${approved ? 'You can return to your device.' : 'The device was not connected.'}</p>`);
}
