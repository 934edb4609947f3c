/**
 * A result's warnings as every export prints them: `message` (Norwegian) always, and `code`,
 * `year`, `group` as columns where a table has room for them.
 */
import type { ProjectionResult, ResultWarning } from '#lib/core/model/result.ts';

export function resultWarnings(result: Pick<ProjectionResult, 'warnings'>): ResultWarning[] {
	return result.warnings ?? [];
}
