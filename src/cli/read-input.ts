/**
 * The runner's file system side: which files the arguments name (files, folders of files), and
 * reading one of them safely. Only regular files are read (a device such as /dev/zero, a named
 * pipe or a socket is refused before it is opened, since opening a pipe blocks), never more than
 * MAX_FILE_BYTES + 1 bytes (a file may grow after stat), and the bytes are decoded as the browser
 * would (core/format/decode.ts). Every failure is a Norwegian sentence; Node's own messages never reach
 * the planner.
 */
import { closeSync, openSync, readdirSync, readSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { decodeFileBytes, MAX_FILE_BYTES } from '#lib/core/format/index.ts';

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

const mb = (bytes: number) => (bytes / 1048576).toFixed(1).replace('.', ',');

/** A Node file-system error as a Norwegian sentence about `path`. */
export function fsErrorMessage(e: unknown, path: string, action: 'lese' | 'skrive'): string {
	const code = (e as NodeJS.ErrnoException | undefined)?.code;
	switch (code) {
		case 'ENOENT':
			return action === 'lese' ? `Fant ikke «${path}».` : `Kunne ikke skrive «${path}»: mappen finnes ikke.`;
		case 'ENOTDIR':
			return `Fant ikke «${path}»: en del av stien er en fil, ikke en mappe.`;
		case 'EACCES':
		case 'EPERM':
			return `Har ikke tilgang til å ${action} «${path}».`;
		case 'EISDIR':
			return `«${path}» er en mappe, ikke en fil.`;
		case 'EEXIST':
			return `«${path}» finnes allerede og er ikke en mappe.`;
		case 'ENOSPC':
			return `Kunne ikke skrive «${path}»: disken er full.`;
		case 'EROFS':
			return `Kunne ikke skrive «${path}»: filsystemet er skrivebeskyttet.`;
		case 'ENAMETOOLONG':
			return `Stien «${path}» er for lang.`;
		case 'ELOOP':
			return `«${path}» er en snarvei som peker i ring.`;
		case 'EMFILE':
		case 'ENFILE':
			return `Kunne ikke ${action} «${path}»: for mange åpne filer.`;
		default:
			return `Kunne ikke ${action} «${path}» på grunn av en feil i filsystemet.`;
	}
}

function kindOf(st: Stats): string {
	if (st.isFIFO()) return 'et navngitt rør (FIFO)';
	if (st.isCharacterDevice() || st.isBlockDevice()) return 'en enhet';
	if (st.isSocket()) return 'en socket';
	return 'ikke en vanlig fil';
}

/** Reads a notebook file: regular files only, with the size cap, decoded like the browser. */
export function readNotebookFile(path: string): ReadResult {
	let st: Stats;
	try {
		st = statSync(path);
	} catch (e) {
		return { ok: false, message: fsErrorMessage(e, path, 'lese') };
	}
	if (st.isDirectory()) return { ok: false, message: `«${path}» er en mappe, ikke en fil.` };
	if (!st.isFile()) return { ok: false, message: `«${path}» er ${kindOf(st)} og leses ikke. Bare vanlige filer kan kjøres.` };
	if (st.size > MAX_FILE_BYTES) return { ok: false, message: `Filen «${path}» er for stor (${mb(st.size)} MB). Største tillatte størrelse er ${mb(MAX_FILE_BYTES)} MB.` };
	let fd: number;
	try {
		fd = openSync(path, 'r');
	} catch (e) {
		return { ok: false, message: fsErrorMessage(e, path, 'lese') };
	}
	const cap = MAX_FILE_BYTES + 1;
	const buf = new Uint8Array(Math.min(cap, Math.max(st.size, 0) + 1));
	let length = 0;
	try {
		let grown = buf;
		for (;;) {
			if (length === grown.length) {
				if (grown.length >= cap) break;
				const next = new Uint8Array(Math.min(cap, grown.length * 2));
				next.set(grown);
				grown = next;
			}
			const n = readSync(fd, grown, length, grown.length - length, null);
			if (n === 0) break;
			length += n;
		}
		if (length > MAX_FILE_BYTES) return { ok: false, message: `Filen «${path}» er for stor (over ${mb(MAX_FILE_BYTES)} MB). Største tillatte størrelse er ${mb(MAX_FILE_BYTES)} MB.` };
		// The browser's import decodes the same way (core/format/decode.ts).
		const decoded = decodeFileBytes(grown.subarray(0, length));
		return decoded.ok ? { ok: true, text: decoded.text } : { ok: false, message: `«${path}»: ${decoded.error.message}` };
	} catch (e) {
		return { ok: false, message: fsErrorMessage(e, path, 'lese') };
	} finally {
		closeSync(fd);
	}
}

export interface InputList {
	files: string[];
	/** Arguments that name nothing runnable (missing, a folder without .json files …), with why. */
	problems: { path: string; message: string }[];
}

/**
 * The files the arguments name, in order: a file as given (its kind is checked when it is read),
 * a folder as every *.json file in it and its subfolders (sorted, hidden entries skipped).
 */
export function expandInputs(args: readonly string[]): InputList {
	const files: string[] = [];
	const problems: InputList['problems'] = [];
	for (const arg of args) {
		let st: Stats;
		try {
			st = statSync(arg);
		} catch (e) {
			problems.push({ path: arg, message: fsErrorMessage(e, arg, 'lese') });
			continue;
		}
		if (!st.isDirectory()) {
			files.push(arg);
			continue;
		}
		let entries: string[];
		try {
			entries = readdirSync(arg, { recursive: true, encoding: 'utf8' });
		} catch (e) {
			problems.push({ path: arg, message: fsErrorMessage(e, arg, 'lese') });
			continue;
		}
		const found = entries
			.filter((rel) => rel.toLowerCase().endsWith('.json') && !rel.split(/[\\/]/).some((part) => part.startsWith('.')))
			.sort((a, b) => a.localeCompare(b, 'nb'))
			.map((rel) => join(arg, rel))
			.filter((p) => {
				try {
					return !statSync(p).isDirectory();
				} catch {
					return true; // reported when it is read
				}
			});
		if (found.length === 0) problems.push({ path: arg, message: `Mappen «${arg}» inneholder ingen .json-filer.` });
		files.push(...found);
	}
	return { files, problems };
}
