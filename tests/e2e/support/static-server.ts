/**
 * Serves the production build on 127.0.0.1 the way a municipal web server would: static files,
 * and the fallback page for every path that is not a file (the SPA's client-side routes).
 * The same function as `npm run preview` (scripts/preview.ts).
 */
import { serveBuild as serve } from '../../../scripts/preview.ts';

export async function serveBuild(dir: string, prefix = ''): Promise<{ url: string; close: () => Promise<void> }> {
	return serve(dir, { prefix });
}
