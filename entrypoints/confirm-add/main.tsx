import { render } from 'preact';
import { ask } from '@/utils/protocol/ask-background';
import { questionIn } from '@/utils/add-to-gateway/add-to-question';
import { feedDestinations } from '@/utils/destinations/feed-destinations';
import { t } from '@/utils/i18n/i18n';
import { ConfirmAddTo } from './App';
import '@/components/theme.css';
import './style.css';

// The background opened this window for one "Add to" click, and wrote what it asks in its address.
const question = questionIn(location.search);
document.title = t('confirmAddTitle');
render(
  <ConfirmAddTo question={question} confirm={() => ask({ type: 'confirm-add-to', id: question?.requestId ?? '' })} close={() => window.close()} destinations={feedDestinations} />,
  document.getElementById('app')!,
);
