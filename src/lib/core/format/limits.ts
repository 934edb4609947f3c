/**
 * Upper bounds for the numbers a `.boligbehov.json` file (and a stored notebook) may carry. Each is
 * far beyond anything a real kommune can reach, so no honest file is refused, but values such as
 * 1e308 (which overflow the projection to ±Infinity and blank every chart, issue 13 finding 6) are
 * refused when read, with a message naming the field. Domain ranges (a botid over 0, a horizon of
 * 1–30 years) stay with the engine's validation; these are only magnitudes.
 *
 * Reasoning for each bound: docs/file-format.md, "Limits".
 */
export const FILE_LIMITS = {
	/** Dwellings, vacant dwellings, tenants, waiting, new tenants, a stock change's count.
	 *  Oslo, the largest kommune, has under 400 000 private households in all (SSB household statistics). */
	count: 1_000_000,
	/** Persons in one age and year of a population projection: Norway has about 5,6 million people. */
	persons: 10_000_000,
	/** Settled refugees or manual new need in one year: all of Norway settled some tens of thousands a year at the 2023 peak (IMDi). */
	perYear: 1_000_000,
	/** Any assumption value (per cent, per 1000, years, persons per household) and its spread. */
	assumption: 1_000_000,
	/** Calendar years: base year, projection years, target years, chart years. */
	yearMin: 1900,
	yearMax: 2200,
	/** Ages in the population table (0, 1, 2, …). */
	ageMax: 150,
	/** Horizon of a scenario in years (the engine accepts 1–30). */
	horizonYears: 100,
	/** A plan measure's lead time in years (decision to available dwelling). */
	leadTimeYears: 100,
	/** A cost figure in kroner (investment per dwelling, yearly costs, sale value): a whole kommune's
	 *  yearly budget is below 100 billion kroner (Oslo's is about 80 billion). */
	amountKr: 100_000_000_000,
	/** Lease length in years. */
	leaseYears: 100,
	/** Monte Carlo draws (the engine accepts up to its own MAX_DRAWS). */
	draws: 10_000_000,
	/**
	 * Measures in one scenario's plan: 30 years × 10 segments × 7 kinds is 2 100; schema version 3
	 * allowed 1 000 stock changes and 1 000 measures, which the migration to version 4 joins.
	 */
	planMeasures: 2_100,
	/** Segments of the stock. */
	segments: 200,
	/** Scenarios in one notebook. */
	scenarios: 100,
	/** Cells in one notebook. */
	cells: 1_000,
	/** Levels of nesting (objects and arrays) in a file: the deepest real value, a cost's spread in a
	 *  backup (notebooks[i].scenarios[j].assumptions.plan.costs.k.spread.low), is 9 levels down. */
	nestingDepth: 32,
	/** Notebooks in one backup file. */
	backupNotebooks: 10_000
} as const;
