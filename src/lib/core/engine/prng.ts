/**
 * Seeded pseudo-random numbers for the Monte Carlo.
 *
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state, 32-bit output):
 * passes PractRand to at least 2^40 bytes, has a guaranteed minimum period of 2^32 thanks to its
 * counter, and runs on plain 32-bit integer operations (fast in every JS engine). The 32-bit seed
 * is expanded into the state with splitmix32, then the first 12 outputs are discarded, so nearby
 * seeds (1, 2, 3, …) give unrelated streams.
 */
export interface Prng {
	/** Uniform on the open interval (0, 1): never exactly 0 or 1 (safe for inverse CDFs). */
	next(): number;
}

function splitmix32(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x9e3779b9) | 0;
		let z = s;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
		return (z ^ (z >>> 16)) >>> 0;
	};
}

/** A new sfc32 generator from any finite number (reduced to 32 bits). */
export function sfc32(seed: number): Prng {
	const sm = splitmix32(Math.trunc(seed) | 0);
	let a = sm() | 0;
	let b = sm() | 0;
	let c = sm() | 0;
	let d = 1;
	const raw = (): number => {
		const t = (((a + b) | 0) + d) | 0;
		d = (d + 1) | 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) | 0;
		c = (c << 21) | (c >>> 11);
		c = (c + t) | 0;
		return t >>> 0;
	};
	for (let i = 0; i < 12; i++) raw();
	return {
		// (k + 0.5) / 2^32 lies strictly inside (0, 1).
		next: () => (raw() + 0.5) / 4294967296
	};
}
