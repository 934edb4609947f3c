/** Everything one projection run needs: the notebook's facts plus one scenario's assumptions. */
import type { ScenarioAssumptions } from './assumptions.ts';
import type { BaseData } from './base-data.ts';
import type { PopulationSeries } from './population.ts';

export interface EngineInput {
	base: BaseData;
	population: PopulationSeries;
	scenario: ScenarioAssumptions;
}
