import { render } from 'preact';
import './styles.css';
import { App } from './App.tsx';

/** The staff desk (/admin): its own entry, so nothing of it loads on the citizen pages. */
const root = document.getElementById('app')!;
root.textContent = ''; // the static "loading" text: Preact appends next to nodes it does not own
render(<App />, root);
