/**
 * A result's warnings in the shape every export prints (code, message, and the year and group
 * they concern when they concern one). Engine results carry them as ResultWarning.
 */
import type { GroupId } from '#lib/core/model/groups.ts';
import type { ProjectionResult } from '#lib/core/model/result.ts';

export interface ExportWarning {
	code: string;
	/** Norwegian, for the planner. */
	message: string;
	year?: number;
	group?: GroupId;
}

export function resultWarnings(result: Pick<ProjectionResult, 'warnings'>): ExportWarning[] {
	return (result.warnings ?? []).map((w: string | ExportWarning) => (typeof w === 'string' ? { code: '', message: w } : w));
}
