/** Everything one projection run needs: the notebook's facts plus one scenario's assumptions. */
import type { ScenarioAssumptions, StockChange } from './assumptions.ts';
import type { BaseData } from './base-data.ts';
import type { PopulationSeries } from './population.ts';

/**
 * One scenario as the engine reads it: the assumptions plus the stock changes per year and
 * segment. For a notebook's scenario the stock changes are made from its plan, in one place
 * (core/plan/measures.ts, `engineInputOf`); the hindcast makes them from the register history.
 */
export interface EngineScenario extends ScenarioAssumptions {
	stockChanges: StockChange[];
}

export interface EngineInput {
	base: BaseData;
	population: PopulationSeries;
	scenario: EngineScenario;
}
