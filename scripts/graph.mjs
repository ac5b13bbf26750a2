/**
 * `npm run graph`: runs the graph CLI (`scripts/build-graph.ts`) from its compiled bundle (see graph-bundle.mjs),
 * building the bundle first when the code has changed since. Where it cannot be built (installed without dev
 * dependencies, or a syntax error that the source run then reports), the TypeScript source runs instead.
 */
import { pathToFileURL } from 'node:url';
import { BUNDLE, SOURCE, bundleIsCurrent, compileBundle } from './graph-bundle.mjs';

let entry = BUNDLE;
if (!bundleIsCurrent()) entry = await compileBundle().then(() => BUNDLE, () => SOURCE);
await import(pathToFileURL(entry).href);
