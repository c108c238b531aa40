// Lets the worker and the CLI scripts import server modules outside Next.js: `server-only`
// throws unless bundled for React Server Components, so here it resolves to an empty module.
import { register } from "node:module";

register("./server-only-loader.mjs", import.meta.url);
