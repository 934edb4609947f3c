import { describe, expect, it } from 'vitest';
import { GROUP_IDS } from '#lib/core/model/groups.ts';
import { fixed } from '#lib/core/model/index.ts';
describe('subpath import', () => {
	it('resolves #lib', () => {
		expect(GROUP_IDS).toHaveLength(5);
		expect(fixed(2).value).toBe(2);
	});
});
