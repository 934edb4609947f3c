/**
 * The service worker: after the first visit the app works without network.
 *
 * - install: precaches every file of this build (JS, CSS, the projection worker chunk, fonts and
 *   icons from `$app/manifest`) and `index.html`, the SPA fallback every route is served from.
 *   The new version then waits: it never takes over by itself, so a presentation in progress keeps
 *   running the code it started with. The page offers "Oppdater" (UpdateBanner), which posts
 *   SKIP_WAITING; the page reloads when the new worker takes control.
 * - fetch: same-origin GETs of the build are answered from the cache (they are content-hashed, or
 *   versioned by the cache name), anything else from the network; every navigation gets this
 *   version's cached `index.html` (the SPA shell), so reloading /, /notebook/x or
 *   /notebook/x/present works offline and the page always runs the version this worker cached.
 *   Notebooks live in IndexedDB, so nothing else is needed offline.
 * - activate: deletes the caches of older versions, except the one just replaced (another tab may
 *   still run it until it reloads), and takes control of open pages.
 *
 * SvelteKit 3: `$service-worker` is gone; the lists come from `$app/manifest`, the version from
 * `$app/env`, and `self` typed as ServiceWorkerGlobalScope from `$app/service-worker`.
 */
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { self } from '$app/service-worker';
import { assets, immutable, prerendered } from '$app/manifest';
import { dev, version } from '$app/env';

const CACHE = `boligbehov-${version}`;
const CACHE_PREFIX = 'boligbehov-';

/** The directory the app is served from (the registration scope, `<base>/`). */
const scope = (): string => self.registration.scope;
const url = (path: string): string => new URL(path.replace(/^\//, ''), scope()).href;

/** Every file the built app needs, as absolute URLs. */
function precacheList(): string[] {
	const paths = [...immutable, ...assets, ...prerendered].map((p) => p.path);
	return [...new Set([...paths.map(url), url('index.html')])];
}

self.addEventListener('install', (event) => {
	// `vite dev` has no built files to cache (and the code changes all the time): stay out of the way.
	if (dev) return;
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			// `reload`: bypass the HTTP cache so a new version never stores an old file.
			await cache.addAll(precacheList().map((u) => new Request(u, { cache: 'reload' })));
		})()
	);
	// No skipWaiting() here: an update waits until the planner chooses it.
});

self.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			// Keep the version that was running before this one: a tab that did not reload (a
			// presentation in another tab) still runs the old code and may load its lazy chunks or
			// restart its projection worker. Older versions go.
			const ours = (await caches.keys()).filter((k) => k.startsWith(CACHE_PREFIX) && k !== CACHE);
			for (const key of ours.slice(0, -1)) await caches.delete(key);
			await self.clients.claim();
		})()
	);
});

self.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
	const request = event.request;
	if (dev || request.method !== 'GET') return;
	const requestUrl = new URL(request.url);
	if (requestUrl.origin !== self.location.origin || !request.url.startsWith(scope())) return;

	if (request.mode === 'navigate') {
		// Every route is the same SPA shell: serve this version's index.html, so the page always runs
		// the code this worker cached (a new version arrives only through "Oppdater").
		event.respondWith(
			(async () => {
				const cache = await caches.open(CACHE);
				return (await cache.match(request, { ignoreSearch: true })) ?? (await cache.match(url('index.html'))) ?? fetch(request);
			})()
		);
		return;
	}

	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			// This version's files first, then the previous version's (hashed names never collide).
			const cached = (await cache.match(request, { ignoreSearch: true })) ?? (await caches.match(request, { ignoreSearch: true }));
			if (cached) return cached;
			return fetch(request);
		})()
	);
});
