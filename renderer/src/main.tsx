import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/start.css';
import './styles/import.css';
import './styles/coverage.css';
import './styles/identities.css';
import './styles/menus.css';
import './styles/detail.css';
import './styles/activity.css';
import './styles/export.css';
import './styles/views.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
