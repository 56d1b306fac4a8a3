import { INTERACTIVE } from './console-patterns';
import { findOutputControls } from './output-controls';
import { readOutputChoice } from './output-choice';
import { judgementsFormAlert } from './in-page-notes';
import type { InPageUi } from '../in-page/mount-in-page';

/**
 * Warns on the console's feed form while its Output is Judgements, and stops warning as soon as
 * Observables is chosen. Keeps track of every Output control it has seen until it leaves the page.
 */
export function createOutputWarning({ mount }: { mount: (anchor: Element, content: HTMLElement) => Promise<InPageUi> }) {
  const controls = new Map<Element, { field: Element; alert?: Promise<InPageUi> }>();

  return {
    /** Re-reads every known Output control, after looking for new ones in the changed nodes. */
    update(roots: Node[]) {
      // Many changes in one form are one form to search.
      const scopes = new Set<Element>();
      for (const root of roots) {
        const scope = root instanceof Element ? (root.closest('form') ?? root.parentElement ?? root) : root.parentElement;
        if (scope) scopes.add(scope);
      }
      for (const scope of scopes) {
        // Most changes on a console are text and rows: without a control there is no Output field.
        if (!scope.querySelector(INTERACTIVE)) continue;
        for (const { control, field } of findOutputControls(scope)) if (!controls.has(control)) controls.set(control, { field });
      }
      for (const [control, state] of controls) {
        const judgements = control.isConnected && readOutputChoice(control) === 'judgements';
        if (judgements && !state.alert) {
          state.alert = mount(state.field, judgementsFormAlert());
        } else if (!judgements && state.alert) {
          state.alert.then((ui) => ui.remove());
          state.alert = undefined;
        }
        if (!control.isConnected) controls.delete(control);
      }
    },
  };
}
