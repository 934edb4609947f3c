/**
 * `npm run preview`: serves build/ the way it must be hosted, with the SPA fallback (every path
 * that is not a file answers index.html). Vite's own preview answered /index.html with 404 for
 * this build, so the service worker's precache failed and offline use silently did not work
 * (issue 13, finding 10). The e2e tests serve the build with the same function.
 *
 *   npm run preview                       http://127.0.0.1:4173/
 *   npm run preview -- --port 8080 --host 0.0.0.0
 *   BASE_PATH=/boligbehov npm run preview  (a build made with the same BASE_PATH)
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

export interface ServeOptions {
	/** The sub-path the build was made for (BASE_PATH), e.g. "/boligbehov"; other paths answer 404. */
	prefix?: string;
	port?: number;
	host?: string;
}

export async function serveBuild(dir: string, opts: ServeOptions = {}): Promise<{ url: string; close: () => Promise<void> }> {
	const prefix = opts.prefix ?? '';
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
	const host = opts.host ?? '127.0.0.1';
	await new Promise<void>((done) => server.listen(opts.port ?? 0, host, done));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
		close: () => new Promise<void>((done) => server.close(() => done()))
	};
}

function argument(name: string): string | undefined {
	const args = process.argv.slice(2);
	const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
	if (i < 0) return undefined;
	const a = args[i]!;
	return a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[i + 1];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const dir = fileURLToPath(new URL('../build', import.meta.url));
	const prefix = process.env.BASE_PATH ?? '';
	const port = Number(argument('port') ?? process.env.PORT ?? 4173);
	const host = argument('host') ?? '127.0.0.1';
	const { url } = await serveBuild(dir, { prefix, port, host });
	console.log(`Boligbehov: ${url}${prefix}/`);
}
