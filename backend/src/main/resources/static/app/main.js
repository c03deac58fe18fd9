// Starts the web app. The shell lives in its own module, which the screens import: a module with top-level await
// that the screens imported back would wait for itself.
import { boot } from './shell.js';

await boot();
