/**
 * Building DOM nodes from data. Text always goes in as text nodes, never as HTML, so the
 * words of an article or a quote can hold anything without being interpreted. Styles are
 * never set through a `style` attribute: the Content-Security-Policy forbids inline
 * styles, and CSSOM properties (`element.style.width`) are what it allows.
 */

export type Child = Node | string | number | null | undefined | false | readonly Child[];

type Handler = (event: Event) => void;
export type Attrs = Record<string, string | number | boolean | null | undefined | Handler>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') {
      if (!name.startsWith('on')) throw new Error(`h(): a function is only allowed for an on* attribute; received it for "${name}"`);
      element.addEventListener(name.slice(2), value);
    } else if (name === 'style') {
      throw new Error('h(): inline style attributes are refused by the Content-Security-Policy; set element.style properties instead');
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces everything inside `parent`. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** `items` joined by `separator` (", " by default), for inline lists of links. */
export function joined(items: readonly Child[], separator: Child = ', '): Child[] {
  return items.flatMap((item, i) => (i === 0 ? [item] : [separator, item]));
}
