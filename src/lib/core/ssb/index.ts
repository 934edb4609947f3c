// SSB import: population projections and KOSTRA figures, from files or PxWebApi v2. Pure core.
export * from './errors.ts';
export { parseCsv, parseNumberCell, detectDelimiter, stripBom, type CellValue } from './csv.ts';
export * from './dimensions.ts';
export type { Cube, CubeDimension, CubeCategory } from './cube.ts';
export { readJsonStat, readJsonStatDimensions, looksLikeJsonStat } from './jsonstat.ts';
export { readCsvCube } from './csv-table.ts';
export { readCube } from './read-cube.ts';
export * from './population.ts';
export * from './kostra.ts';
export * from './pxweb-client.ts';
export * from './kostra-apply.ts';
export * from './projection-rounds.ts';
export * from './klass.ts';
