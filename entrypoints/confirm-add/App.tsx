import { useEffect, useState } from 'preact/hooks';
import type { AddToQuestion } from '@/utils/add-to-gateway/add-to-question';
import { destinationAt, type FeedDestination } from '@/utils/destinations/feed-destinations';
import type { Reply } from '@/utils/protocol/messages';
import { alreadyAdded } from '@/utils/i18n/describe-destination';
import { gatewayName } from '@/utils/gateways/gateway-name';
import { t } from '@/utils/i18n/i18n';

/** A feed id as a person checks it at a glance: "feed-" and the first 8 characters of its UUID ("feed-8f2b1c3e…"). */
export function shortFeedId(feedId: string): string {
  return `${feedId.slice(0, 13)}…`;
}

interface ConfirmAddToProps {
  /** What the request asks: the feed, where it was copied, the gateway; null for an address that does not say. */
  question: AddToQuestion | null;
  /** Opens the gateway and fills it: the only way a console's "Add to" gets that far. */
  confirm: () => Promise<Reply<'confirm-add-to'>>;
  close: () => void;
  /** Where feeds were submitted: the window says when this feed is already on this gateway. */
  destinations: () => Promise<FeedDestination[]>;
}

/**
 * The extension's own window that a console note's "Add to <gateway>" opens: a page cannot draw
 * over it or click it, so the person's click here is theirs. It names the feed (title and the start
 * of its id), where it was copied, and the gateway; nothing opens or fills before Add is pressed.
 */
export function ConfirmAddTo({ question: asked, confirm, close, destinations }: ConfirmAddToProps) {
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const [addedBefore, setAddedBefore] = useState<FeedDestination | undefined>();

  useEffect(() => {
    if (!asked) return;
    destinations().then((list) => setAddedBefore(destinationAt(list, asked.feedId, asked.gatewayOrigin)), () => undefined);
  }, [asked, destinations]);

  if (!asked) {
    return (
      <main>
        <h1>{t('confirmAddTitle')}</h1>
        <p role="alert">{t('refuseUnknownAddTo')}</p>
        <button type="button" onClick={close}>{t('confirmAddClose')}</button>
      </main>
    );
  }

  const gatewayHost = gatewayName(asked.gatewayOrigin);

  async function add() {
    setBusy(true);
    const reply = await confirm();
    if (reply.ok) return close();
    setProblem(reply.error.message);
    setBusy(false);
  }

  return (
    <main>
      <h1>{t('confirmAddTitle')}</h1>
      <dl>
        <dt>{t('confirmAddFeed')}</dt>
        <dd>
          {asked.feedTitle && <span class="feed-title">{asked.feedTitle} </span>}
          <code>{shortFeedId(asked.feedId)}</code>
        </dd>
        {asked.seenOn && (
          <>
            <dt>{t('confirmAddFrom')}</dt>
            <dd>{t('originCopiedOn', asked.seenOn)}</dd>
          </>
        )}
        <dt>{t('confirmAddGateway')}</dt>
        <dd>{gatewayHost}</dd>
      </dl>
      <p>{t('confirmAddExplain')}</p>
      {problem && <p role="alert">{problem}</p>}
      {/* Said, not refused: adding it again is how the person replaces the gateway's source. */}
      {addedBefore && (
        <p id="confirm-already" class="already">
          {alreadyAdded(addedBefore)}
        </p>
      )}
      <div class="actions">
        {/* Focus starts nowhere: an Enter meant for another window must not add. */}
        <button type="button" disabled={busy} aria-describedby={addedBefore ? 'confirm-already' : undefined} onClick={add}>
          {t('addToGateway', gatewayHost)}
        </button>
        <button type="button" class="secondary" onClick={close}>{t('confirmAddCancel')}</button>
      </div>
    </main>
  );
}
