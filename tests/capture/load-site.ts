import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The `<body>` markup of the saved page tests/fixtures/sites/<path>/index.html, its scripts removed. */
export function siteBody(path: string): string {
  const html = readFileSync(join(process.cwd(), 'tests/fixtures/sites', path, 'index.html'), 'utf8');
  const saved = new DOMParser().parseFromString(html, 'text/html');
  for (const script of saved.querySelectorAll('script')) script.remove();
  return saved.body.innerHTML;
}

/**
 * Puts the saved page's `<body>` into the test's document, without its scripts (they never run)
 * and with its templates. Returns the document.
 */
export function loadSite(path: string): Document {
  document.body.innerHTML = siteBody(path);
  return document;
}

/** Renders `<template id>` into `into`, replacing what was there, as the saved page's own script does. */
export function renderTemplate(id: string, into: Element): Element {
  const template = document.getElementById(id);
  if (!(template instanceof HTMLTemplateElement)) throw new Error(`No <template id="${id}"> in the page`);
  into.replaceChildren(template.content.cloneNode(true));
  return into;
}
