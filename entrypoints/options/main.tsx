import { render } from 'preact';
import { t } from '@/utils/i18n/i18n';
import { readOptions, saveOptions } from '@/utils/extension/options';
import { OptionsApp } from './App';
import '@/components/theme.css';
import './style.css';

document.title = t('optionsTitle');
render(<OptionsApp load={readOptions} save={saveOptions} today={new Date()} />, document.getElementById('app')!);
