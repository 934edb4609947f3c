/** The deterministic run: every assumption at its `value`. */
import type { EngineInput } from '#lib/core/model/engine-input.ts';
import type { ProjectionResult } from '#lib/core/model/result.ts';
import { buildResult } from './derive.ts';
import { createWorkspace, simulate } from './kernel.ts';
import { pointValues } from './params.ts';
import { prepare } from './prepare.ts';
import { runWarnings } from './run-warnings.ts';
import { EngineInputError, validateInput } from './validate.ts';

export function runProjection(input: EngineInput): ProjectionResult {
	const issues = validateInput(input);
	if (issues.length > 0) throw new EngineInputError(issues);
	const prep = prepare(input);
	const ws = createWorkspace(prep);
	simulate(prep, pointValues(prep.layout), ws);
	const result = buildResult(prep, ws, input.base.segments);
	const warnings = [...prep.warnings, ...runWarnings(input, prep, ws)];
	if (warnings.length > 0) result.warnings = warnings;
	return result;
}
