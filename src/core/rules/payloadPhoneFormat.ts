// payload.phone-format: phoneNumber / callerId written in a form other than
// E.164 (+ and digits) or a tel: URI. The model only says "The phone number
// to dial", so this is a warning: E.164 is the unambiguous form.
import type { Rule } from '../lintTypes';
import type { Finding, Fix } from '../types';
import { certain, payloads, rangeOfNode } from './support/payload';

const ID = 'payload.phone-format';
// The top-level body fields, as JSON pointers.
const PHONE_POINTERS: ReadonlySet<string> = new Set(['/phoneNumber', '/callerId']);
const E164 = /^\+[1-9]\d{1,14}$/;
const TEL_URI = /^tel:\+?[0-9][0-9().-]*(;[^;=]+(=[^;]*)?)*$/i;

export const payloadPhoneFormat: Rule = {
  id: ID,
  title: 'Phone number not in E.164 (+ and digits) or tel: URI form',
  defaultSeverity: 'warning',
  help: 'The number is not in E.164 form (+, country code, digits) or a tel: URI, so how it is dialed depends on the site\'s number plans; the accepted forms are not documented. Write + followed by the country code and digits.',
  source: { ref: 'docs/facts.md#phone-format', verified: false },
  check(ctx) {
    const out: Finding[] = [];
    for (const p of payloads(ctx)) {
      if (p.model !== 'CreateCallRequest') continue;
      for (const v of p.values) {
        if (!PHONE_POINTERS.has(v.pointer) || v.node.type !== 'string' || p.body.isVariable(v.node)) continue;
        const value = String(v.node.value);
        if (E164.test(value) || TEL_URI.test(value)) continue;
        const range = rangeOfNode(p, v.node);
        const cleaned = value.replace(/[\s().-]/g, '');
        const fixes: Fix[] = certain(p, value.trim().startsWith('+') && E164.test(cleaned)
          ? [{ title: `Use ${cleaned}`, edits: [{ range, newText: JSON.stringify(cleaned) }] }]
          : []);
        const why = !value.trim() ? 'it is empty'
          : !value.trim().startsWith('+') ? 'it has no + and country code'
          : 'it contains characters other than + and digits';
        out.push({
          rule: ID, severity: 'warning', range, request: p.req.index, pointer: v.pointer, fixes,
          message: `\`${v.fieldPath}\` ${JSON.stringify(value)} is not in E.164 form (${why}): write + country code and digits, e.g. "+15551234567"${fixes.length ? ` (here "${cleaned}")` : ''}, or a tel: URI.`,
          source: { ref: 'docs/facts.md#phone-format', verified: false },
        });
      }
    }
    return out;
  },
};
