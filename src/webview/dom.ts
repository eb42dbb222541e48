// A tiny element builder: text goes in as text nodes (never as HTML), so
// whatever the host sends cannot inject markup or script into the webview.
type Child = Node | string | number | false | null | undefined;
type Handlers = Record<string, (e: Event) => void>;
interface Attrs { on?: Handlers; [name: string]: string | boolean | undefined | Handlers }

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'on' || value === undefined || value === false || typeof value === 'object') continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [event, handler] of Object.entries(attrs.on ?? {})) el.addEventListener(event, handler);
  for (const c of children) {
    if (c === false || c === null || c === undefined) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return el;
}

export function icon(name: string, extra = ''): HTMLElement {
  return h('span', { class: `codicon codicon-${name}${extra ? ` ${extra}` : ''}`, 'aria-hidden': 'true' });
}

export function button(label: string, iconName: string, onClick: () => void, attrs: Attrs = {}): HTMLButtonElement {
  return h('button', { type: 'button', ...attrs, on: { click: onClick } }, icon(iconName), ` ${label}`);
}
