import type { ChartKind } from '../model/notebook.ts';

/** Norwegian names of the chart kinds (menus, accessible names). */
export const CHART_LABELS: Readonly<Record<ChartKind, string>> = {
	'need-by-group': 'Behov per målgruppe',
	'required-vs-planned': 'Nødvendig og planlagt boligmasse',
	flows: 'Inn- og utflyttinger',
	'monte-carlo-fan': 'Usikkerhetsvifte',
	'shortfall-probability': 'Sannsynlighet for mangel per år',
	'scenario-comparison': 'Scenarioer sammenlignet',
	tornado: 'Følsomhet (tornado)'
};
