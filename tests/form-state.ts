/**
 * Every named control of a form: its value, or for radios and checkboxes whether "name=value" is
 * checked. Buttons are left out. Self-contained, so end-to-end tests can run it inside a page.
 */
export function formState(form: Element): Record<string, string | boolean> {
  const state: Record<string, string | boolean> = {};
  for (const element of (form as HTMLFormElement).elements) {
    const control = element as HTMLInputElement;
    if (!control.name || ['submit', 'button', 'reset'].includes(control.type)) continue;
    if (control.type === 'radio' || control.type === 'checkbox') state[`${control.name}=${control.value}`] = control.checked;
    else state[control.name] = control.value;
  }
  return state;
}
