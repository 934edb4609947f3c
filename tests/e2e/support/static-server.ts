/**
 * Serves the production build on 127.0.0.1 the way a municipal web server would: static files,
 * and the fallback page for every path that is not a file (the SPA's client-side routes).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export async function serveBuild(dir: string, prefix = ''): Promise<{ url: string; close: () => Promise<void> }> {
	const serve = sirv(dir, { single: 'index.html', dev: false, etag: true });
	const server: Server = createServer((req, res) => {
		// Hosted under a sub-path (e.g. https://intranett/planlegging/boligbehov/): strip it, 404 elsewhere.
		if (prefix) {
			if (!req.url?.startsWith(prefix)) {
				res.statusCode = 404;
				res.end();
				return;
			}
			req.url = req.url.slice(prefix.length) || '/';
		}
		serve(req, res);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
