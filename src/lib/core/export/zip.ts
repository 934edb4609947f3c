/**
 * A minimal ZIP writer (PKWARE APPNOTE 6.3): DEFLATE (method 8, fflate's raw deflate) or STORE
 * where deflating would not make an entry smaller, CRC-32, UTF-8 names, no ZIP64 (archives
 * < 4 GB and < 65 535 entries, far above an XLSX export). Deterministic: the same entries and
 * date give the same bytes. Pure: Uint8Array only.
 */
import { deflateSync } from 'fflate';

export interface ZipEntry {
	/** Path inside the archive, forward slashes, no leading slash. */
	name: string;
	data: Uint8Array | string;
}

let CRC_TABLE: Uint32Array | null = null;

function crcTable(): Uint32Array {
	if (CRC_TABLE) return CRC_TABLE;
	const t = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		t[n] = c >>> 0;
	}
	CRC_TABLE = t;
	return t;
}

/** CRC-32 (IEEE 802.3, as used by ZIP and PNG). */
export function crc32(data: Uint8Array): number {
	const t = crcTable();
	let c = 0xffffffff;
	for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function dosDateTime(d: Date): { time: number; date: number } {
	const year = Math.min(Math.max(d.getUTCFullYear(), 1980), 2107);
	return {
		time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
		date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate()
	};
}

/** Builds a ZIP archive of the entries, in the given order. `date` defaults to 1980-01-01 (reproducible output). */
export function createZip(entries: readonly ZipEntry[], opts: { date?: Date; compress?: boolean } = {}): Uint8Array {
	const enc = new TextEncoder();
	const { time, date } = dosDateTime(opts.date ?? new Date(Date.UTC(1980, 0, 1)));
	const METHOD_STORE = 0;
	const METHOD_DEFLATE = 8;
	const files = entries.map((e) => {
		const name = enc.encode(e.name);
		const raw = typeof e.data === 'string' ? enc.encode(e.data) : e.data;
		const deflated = opts.compress === false ? null : deflateSync(raw, { level: 6 });
		const useDeflate = deflated !== null && deflated.length < raw.length;
		return { name, data: useDeflate ? deflated : raw, size: raw.length, method: useDeflate ? METHOD_DEFLATE : METHOD_STORE, crc: crc32(raw) };
	});
	const localSize = files.reduce((s, f) => s + 30 + f.name.length + f.data.length, 0);
	const centralSize = files.reduce((s, f) => s + 46 + f.name.length, 0);
	if (files.length > 0xffff || localSize + centralSize + 22 > 0xffffffff) throw new Error('ZIP too large for a non-ZIP64 archive');
	const out = new Uint8Array(localSize + centralSize + 22);
	const view = new DataView(out.buffer);
	let p = 0;
	const u16 = (v: number) => {
		view.setUint16(p, v, true);
		p += 2;
	};
	const u32 = (v: number) => {
		view.setUint32(p, v >>> 0, true);
		p += 4;
	};
	const FLAG_UTF8 = 0x0800;
	const offsets: number[] = [];
	for (const f of files) {
		offsets.push(p);
		u32(0x04034b50);
		u16(20); // version needed: 2.0
		u16(FLAG_UTF8);
		u16(f.method);
		u16(time);
		u16(date);
		u32(f.crc);
		u32(f.data.length); // compressed size
		u32(f.size); // uncompressed size
		u16(f.name.length);
		u16(0); // extra length
		out.set(f.name, p);
		p += f.name.length;
		out.set(f.data, p);
		p += f.data.length;
	}
	const centralStart = p;
	files.forEach((f, i) => {
		u32(0x02014b50);
		u16(20); // version made by (MS-DOS, 2.0)
		u16(20);
		u16(FLAG_UTF8);
		u16(f.method);
		u16(time);
		u16(date);
		u32(f.crc);
		u32(f.data.length);
		u32(f.size);
		u16(f.name.length);
		u16(0); // extra
		u16(0); // comment
		u16(0); // disk number start
		u16(0); // internal attributes
		u32(0); // external attributes
		u32(offsets[i]!);
		out.set(f.name, p);
		p += f.name.length;
	});
	const centralEnd = p;
	u32(0x06054b50);
	u16(0);
	u16(0);
	u16(files.length);
	u16(files.length);
	u32(centralEnd - centralStart);
	u32(centralStart);
	u16(0); // comment length
	return out;
}
