/** What every section of the assumption editor gets for its group. */
import type { GroupAssumptions } from '#lib/core/model/assumptions.ts';
import type { GroupId } from '#lib/core/model/groups.ts';
import type { ValueProvenance } from '#lib/core/report/provenance.ts';

export interface GroupFieldProps {
	g: GroupId;
	ga: GroupAssumptions;
	/** Element id for a field of this group. */
	fid: (field: string) => string;
	showSpread: boolean;
	/** Edits this group's assumptions (one undo step, recompute). */
	edit: (field: string, mutate: (g: GroupAssumptions) => void) => void;
	/** Where the value at a path in this group comes from (core/report/provenance.ts). */
	provenance: (path: string) => ValueProvenance;
}
