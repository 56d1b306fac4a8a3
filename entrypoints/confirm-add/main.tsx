import { render } from 'preact';
import { addToClient } from '@/utils/extension/background-client';
import { t } from '@/utils/i18n/i18n';
import { ConfirmAddTo } from './App';
import '@/components/theme.css';
import './style.css';

// The console's "Add to" click opened this window for one request, named in its address.
const requestId = new URLSearchParams(location.search).get('request') ?? '';
document.title = t('confirmAddTitle');
render(<ConfirmAddTo request={() => addToClient.read(requestId)} confirm={() => addToClient.confirm(requestId)} close={() => window.close()} />, document.getElementById('app')!);
