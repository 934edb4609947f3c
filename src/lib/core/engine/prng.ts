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

/**
 * sfc32 state and step. A class rather than closures: every generator shares the same `next`, so
 * code that calls it stays optimized (and inlined) from one Monte Carlo run to the next.
 */
class Sfc32 implements Prng {
	private a: number;
	private b: number;
	private c: number;
	private d: number;
	constructor(a: number, b: number, c: number) {
		this.a = a;
		this.b = b;
		this.c = c;
		this.d = 1;
		for (let i = 0; i < 12; i++) this.raw();
	}
	raw(): number {
		const a = this.a, b = this.b, c = this.c, d = this.d;
		const t = (((a + b) | 0) + d) | 0;
		this.d = (d + 1) | 0;
		this.a = b ^ (b >>> 9);
		this.b = (c + (c << 3)) | 0;
		const c2 = (c << 21) | (c >>> 11);
		this.c = (c2 + t) | 0;
		return t >>> 0;
	}
	/** (k + 0.5) / 2^32 lies strictly inside (0, 1). */
	next(): number {
		return (this.raw() + 0.5) / 4294967296;
	}
}

/** A new sfc32 generator from any finite number (reduced to 32 bits). */
export function sfc32(seed: number): Prng {
	const sm = splitmix32(Math.trunc(seed) | 0);
	const a = sm() | 0;
	const b = sm() | 0;
	const c = sm() | 0;
	return new Sfc32(a, b, c);
}
