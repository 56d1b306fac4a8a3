import { render } from 'preact';
import { t } from '@/utils/i18n/i18n';
import { readOptions, refreshPolicy, saveOptions, watchOptions } from '@/utils/extension/options';
import { KnownGatewaysList } from '@/components/KnownGatewaysList';
import { forgetGateway, knownGateways } from '@/utils/extension/known-gateways';
import { OptionsApp } from './App';
import '@/components/theme.css';
import './style.css';

document.title = t('optionsTitle');
// The background keeps the policy copy fresh; asking again here shows a policy that has just arrived.
void refreshPolicy();
render(
  <OptionsApp load={readOptions} watch={watchOptions} save={saveOptions} today={new Date()}>
    <KnownGatewaysList list={knownGateways} forget={forgetGateway} />
  </OptionsApp>,
  document.getElementById('app')!,
);
