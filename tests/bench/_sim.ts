import { exampleInput } from '../unit/engine/fixtures.ts';
import { prepare } from '#lib/core/engine/prepare.ts';
import { createWorkspace, simulate } from '#lib/core/engine/kernel.ts';
import { pointValues } from '#lib/core/engine/params.ts';
for (const mode of ['need','capacity'] as const) {
const prep = prepare(exampleInput(mode));
const ws = createWorkspace(prep);
const p = pointValues(prep.layout);
const ts=[]; for (let r=0;r<8;r++){ let t0 = performance.now(); for (let d=0; d<10000; d++) simulate(prep, p, ws); ts.push((performance.now()-t0).toFixed(1)); } console.log(mode, ts.join(' '));
}
