// The extension draws its notes in closed shadow roots, which `host.shadowRoot` does not give. The
// tests keep a reference to every root attached after this module is imported, as DevTools can
// reach them in a real browser; the production code stays unaware of them.

const attached = new WeakMap<Element, ShadowRoot>();
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
  const root = attachShadow.call(this, init);
  attached.set(this, root);
  return root;
};

/** The shadow root attached to `host`, open or closed; throws when it has none. */
export function shadowRootOf(host: Element): ShadowRoot {
  const root = attached.get(host);
  if (!root) throw new Error(`<${host.localName}> has no shadow root`);
  return root;
}
