import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { syncGatewayScripts } from '@/utils/gateways/gateway-scripts';
import { forgetGateway, knownGateways, rememberGateway } from '@/utils/gateways/known-gateways';
import { clearKnownGateways } from '../support/gateways-db';

type Registered = { id: string; matches: string[]; js: string[]; allFrames: boolean; runAt: string };

/** The browser's registered content scripts, and the origins the person allowed, kept in memory. */
let registered: Registered[];
let allowed: Set<string>;

beforeEach(async () => {
  fakeBrowser.reset();
  await clearKnownGateways();
  registered = [];
  allowed = new Set();
  fakeBrowser.permissions.contains = vi.fn(async ({ origins }: { origins: string[] }) => origins.every((origin) => allowed.has(origin))) as never;
  Object.assign(fakeBrowser.scripting, {
    getRegisteredContentScripts: vi.fn(async () => structuredClone(registered)),
    registerContentScripts: vi.fn(async (scripts: Registered[]) => {
      if (scripts.some((script) => registered.some((known) => known.id === script.id))) throw new Error('Duplicate script ID');
      registered.push(...structuredClone(scripts));
    }),
    unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
      registered = registered.filter((script) => !ids.includes(script.id));
    }),
  });
});

const scriptsFor = () => registered.map((script) => script.matches);

describe('the gateway script on on-premises gateways', () => {
  it('is registered for each trusted HTTPS gateway the person allowed, at every page and frame of it', async () => {
    await rememberGateway('https://esa.corp.example/etf/add_source/', 1);
    await rememberGateway('https://esa2.corp.example:8443/etf/add_source/', 2);
    await rememberGateway('https://esa3.corp.example/etf/add_source/', 3);
    allowed = new Set(['https://esa.corp.example/*', 'https://esa2.corp.example:8443/*']);
    await syncGatewayScripts();
    expect(registered).toEqual([
      { id: 'gateway-watch https://esa2.corp.example:8443', matches: ['https://esa2.corp.example:8443/*'], js: ['gateway-watch.js'], allFrames: true, runAt: 'document_idle' },
      { id: 'gateway-watch https://esa.corp.example', matches: ['https://esa.corp.example/*'], js: ['gateway-watch.js'], allFrames: true, runAt: 'document_idle' },
    ]);
  });

  it('is never registered for a plain-HTTP gateway, nor for the Cloud Gateway (the manifest has it)', async () => {
    await rememberGateway('http://esa-http.corp.example/etf/add_source/', 1);
    await rememberGateway('https://dh1234-esa1.iphmx.com/mail_policies/etf/add_source/', 2);
    allowed = new Set(['http://esa-http.corp.example/*', 'https://dh1234-esa1.iphmx.com/*']);
    await syncGatewayScripts();
    expect(registered).toEqual([]);
  });

  it('goes when the permission is removed or the gateway forgotten, and comes back with them', async () => {
    await rememberGateway('https://esa.corp.example/etf/add_source/', 1);
    allowed = new Set(['https://esa.corp.example/*']);
    await syncGatewayScripts();
    expect(scriptsFor()).toEqual([['https://esa.corp.example/*']]);

    allowed = new Set();
    await syncGatewayScripts();
    expect(scriptsFor()).toEqual([]);

    allowed = new Set(['https://esa.corp.example/*']);
    await syncGatewayScripts();
    expect(scriptsFor()).toEqual([['https://esa.corp.example/*']]);

    // As the background does when the person forgets it (see the forget-gateway message).
    await forgetGateway('https://esa.corp.example');
    await syncGatewayScripts();
    expect(await knownGateways()).toEqual([]);
    expect(scriptsFor()).toEqual([]);
  });

  it('registers each once, however many changes arrive at once, and leaves other scripts alone', async () => {
    registered.push({ id: 'another', matches: ['https://example.com/*'], js: ['x.js'], allFrames: false, runAt: 'document_end' });
    await rememberGateway('https://esa.corp.example/etf/add_source/', 1);
    allowed = new Set(['https://esa.corp.example/*']);
    await Promise.all([syncGatewayScripts(), syncGatewayScripts(), syncGatewayScripts()]);
    expect(registered.map((script) => script.id)).toEqual(['another', 'gateway-watch https://esa.corp.example']);
  });
});
