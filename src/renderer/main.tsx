import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, loadFirstScreen } from './App.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');

// The first requests leave now, while React builds its first frame.
loadFirstScreen();

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
