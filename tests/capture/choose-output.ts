/** The Output form fixtures, changed the way a person (and the saved page's own script) would. */

/** Chooses in the XDR custom dropdown the way the page's script does on a click of the option. */
export function chooseInDropdown(text: string) {
  const list = document.getElementById('output-options')!;
  for (const option of list.children) option.setAttribute('aria-selected', String(option.textContent === text));
  document.querySelector('#output .dropdown-value')!.textContent = text;
}

/**
 * Chooses in the <select> as a user does. happy-dom 21 keeps `selectedOptions` from before a change
 * of `value` alone, so the `selected` attribute moves too, which makes it read the options again.
 */
export function chooseOption(value: string) {
  const select = document.querySelector<HTMLSelectElement>('#feed-output')!;
  select.value = value;
  for (const option of select.options) option.toggleAttribute('selected', option.value === value);
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Checks a radio as a user does; the `checked` attribute moves too, for happy-dom 21's cached `:checked`. */
export function checkRadio(value: string) {
  const radio = document.querySelector<HTMLInputElement>(`input[type="radio"][value="${value}"]`)!;
  radio.checked = true;
  for (const other of document.querySelectorAll<HTMLInputElement>(`input[name="${radio.name}"]`)) other.toggleAttribute('checked', other === radio);
  radio.dispatchEvent(new Event('change', { bubbles: true }));
}
