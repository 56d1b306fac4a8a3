import { useEffect, useState } from 'preact/hooks';
import type { FeedDestination } from '@/utils/destinations/feed-destinations';
import { gatewayName } from '@/utils/gateways/gateway-name';
import { isPlainHttp } from '@/utils/gateways/known-gateways';
import { t } from '@/utils/i18n/i18n';
import type { Reply } from '@/utils/protocol/messages';
import type { Outcome } from './use-outcome';

/** What the popup knows of the gateways, and asks of them. */
export interface PopupGateways {
  /** The known gateways the extension may open (origins, newest first): "Add to" is offered for these. */
  reachable(): Promise<string[]>;
  /** Whether the person filled the gateway at `origin` and may forget it (the organisation's stay). */
  mayForget(origin: string): Promise<boolean>;
  /** Asks the background to forget the person's gateway at `origin`. */
  forget(origin: string): Promise<Reply<'forget-gateway'>>;
  /** Where feeds were submitted, newest first: said under the shown feed, and before filling it there again. */
  destinations(): Promise<FeedDestination[]>;
}

/** The extension's access to sites beyond the manifest's, which the browser grants on the person's click. */
export interface HostAccess {
  has(pattern: string): Promise<boolean>;
  request(pattern: string): Promise<boolean>;
}

/** The gateways "Add to" offers, where feeds went, and the offer to let the console add to a gateway just filled. */
export function useGateways(gateways: PopupGateways, hostAccess: HostAccess, report: Outcome['report']) {
  const [origins, setOrigins] = useState<string[]>([]);
  const [submitted, setSubmitted] = useState<FeedDestination[]>([]);
  /** A gateway just filled that the console cannot offer yet: the person may allow it. */
  const [offerConsole, setOfferConsole] = useState<string | null>(null);
  const refresh = () => gateways.reachable().then(setOrigins, () => undefined);

  useEffect(() => void refresh(), [gateways]);
  useEffect(() => void gateways.destinations().then(setSubmitted, () => undefined), [gateways]);

  return {
    origins,
    submitted,
    offerConsole,
    /** After a fill: "Add to" never opens a plain-HTTP gateway, so the console is offered only one over HTTPS it cannot reach yet. */
    async filled(origin: string) {
      if (!isPlainHttp(origin) && !(await hostAccess.has(`${origin}/*`).catch(() => true))) setOfferConsole(origin);
    },
    async forget(origin: string) {
      const reply = await gateways.forget(origin);
      if (!reply.ok) return report([reply.error.message], true);
      await refresh();
      report([t('autofillForgotGateway', gatewayName(origin))], false);
    },
    async allowConsole(origin: string) {
      // Asked at once, inside the click: the browser shows its prompt only then.
      const granted = await hostAccess.request(`${origin}/*`).catch(() => false);
      setOfferConsole(null);
      report([granted ? t('fillOfferGranted', gatewayName(origin)) : t('fillOfferRefused')], false);
      if (granted) await refresh();
    },
  };
}
