// Globals provided at build time (vite.config.ts `define`).
declare global {
	/** package.json version of this build. */
	const __APP_VERSION__: string;
}

export {};
