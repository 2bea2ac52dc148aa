import { startEarlyRequests } from './early-requests';

// index.html runs this (built as a small classic script by boot-script.plugin.ts) before the app.
startEarlyRequests(window);
