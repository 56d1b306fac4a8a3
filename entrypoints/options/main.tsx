import { render } from 'preact';
import { t } from '@/utils/i18n/i18n';
import { optionsClient } from '@/utils/protocol/background-client';
import { watchOptions } from '@/utils/options/options';
import { KnownGatewaysList } from '@/components/KnownGatewaysList';
import { FeedDestinationsList } from '@/components/FeedDestinationsList';
import { feedDestinations, forgetDestination } from '@/utils/destinations/feed-destinations';
import { knownGateways } from '@/utils/gateways/known-gateways';
import { forgetGatewayAndScript } from '@/utils/gateways/gateway-scripts';
import { OptionsApp } from './App';
import '@/components/theme.css';
import './style.css';

document.title = t('optionsTitle');
render(
  <OptionsApp load={optionsClient.read} watch={watchOptions} save={optionsClient.save} today={new Date()}>
    <KnownGatewaysList list={knownGateways} forget={forgetGatewayAndScript} />
    <FeedDestinationsList list={feedDestinations} forget={forgetDestination} now={Date.now()} />
  </OptionsApp>,
  document.getElementById('app')!,
);
