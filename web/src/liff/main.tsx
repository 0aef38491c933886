import { App } from './App.tsx';
import { boot } from './boot/boot.tsx';

/**
 * The LIFF endpoint (index.html): the form first, in the first chunk; the status pages lazily, for a
 * LIFF deep link that lands here. /cases is served by its own entry (status-main.tsx).
 */
boot((session) => <App session={session} />);
