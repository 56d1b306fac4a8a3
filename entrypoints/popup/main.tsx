import { render } from 'preact';
import { feedsClient } from '@/utils/feeds-client';
import { App } from './App';
import './style.css';

render(
  <App feeds={feedsClient} writeClipboard={(text) => navigator.clipboard.writeText(text)} />,
  document.getElementById('app')!,
);
