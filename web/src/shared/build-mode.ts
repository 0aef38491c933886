/** Built with `vite --mode emulator` (npm start, tests): LIFF mock, the local emulators and the LINE stand-in. */
export const EMULATOR = import.meta.env.MODE === 'emulator';
