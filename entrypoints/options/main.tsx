import { render } from 'preact';
import { readOptions, saveOptions } from '@/utils/options';
import { OptionsApp } from './App';
import '@/components/theme.css';
import './style.css';

render(<OptionsApp load={readOptions} save={saveOptions} today={new Date()} />, document.getElementById('app')!);
