import { render } from 'preact';
import { t } from '@/utils/i18n/i18n';
import { gatewaysClient, optionsClient } from '@/utils/protocol/background-client';
import { watchOptions } from '@/utils/options/options';
import { KnownGatewaysList } from '@/components/KnownGatewaysList';
import { FeedDestinationsList } from '@/components/FeedDestinationsList';
import { feedDestinations } from '@/utils/destinations/feed-destinations';
import { knownGateways } from '@/utils/gateways/known-gateways';
import { OptionsApp } from './App';
import '@/components/theme.css';
import './style.css';

document.title = t('optionsTitle');
render(
  <OptionsApp load={optionsClient.read} watch={watchOptions} save={optionsClient.save} today={new Date()}>
    <KnownGatewaysList list={knownGateways} forget={gatewaysClient.forget} />
    <FeedDestinationsList list={feedDestinations} forget={optionsClient.forgetDestination} now={Date.now()} />
  </OptionsApp>,
  document.getElementById('app')!,
);
