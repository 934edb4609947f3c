/** Kept for the slides and print that import it here: the one `cellTitle` lives in core/notebook/cells.ts. */
export { cellTitle } from './cells.ts';
