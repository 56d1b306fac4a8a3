// The few elements an in-page note is made of, built with the DOM itself rather than a UI library
// the page would have to load for them.

export function alertElement(message: string): HTMLElement {
  const alert = element('p', 'alert', message);
  alert.setAttribute('role', 'alert');
  return alert;
}

/** A button that acts on the person's own click only: the page can click it too, from a script. */
export function button(label: string, className: string | undefined, act: () => Promise<void>): HTMLButtonElement {
  const result = element('button', className, label);
  result.type = 'button';
  result.addEventListener('click', (event) => void (event.isTrusted && act()));
  return result;
}

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string | undefined, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const result = document.createElement(tag);
  if (className) result.className = className;
  result.append(...children);
  return result;
}
