import { describe, expect, it } from 'vitest';
import { buildPlacement, buildProject } from '../../test/factories.js';
import { personnelCostOf, personnelCostShares } from './personnel-cost.js';

describe('personnelCostOf', () => {
  it('counts the project’s figure once when rows share it', () => {
    const project = buildProject({ personnelCosts: [{ fiscalYear: 2023, amount: 13200 }], placements: [buildPlacement({ no: 1 }), buildPlacement({ no: 2 }), buildPlacement({ no: 4 })] });
    expect(personnelCostOf(project, 2023)).toBe(13200);
    expect(personnelCostOf(project, 2022)).toBeUndefined();
  });

  it('adds the rows’ own figures (No. 32 and 34), and the project’s once for rows without their own', () => {
    const own = buildProject({
      placements: [buildPlacement({ no: 32, personnelCosts: [{ fiscalYear: 2023, amount: 13300 }] }), buildPlacement({ no: 34, personnelCosts: [{ fiscalYear: 2023, amount: 3075 }] })],
    });
    expect(personnelCostOf(own, 2023)).toBe(16375);
    const mixed = buildProject({
      personnelCosts: [{ fiscalYear: 2023, amount: 100 }],
      placements: [buildPlacement({ no: 1, personnelCosts: [{ fiscalYear: 2023, amount: 7 }] }), buildPlacement({ no: 2 }), buildPlacement({ no: 3 })],
    });
    expect(personnelCostOf(mixed, 2023)).toBe(107);
  });

  it('lists the figures as the sheet prints them: each row’s own, the shared one once with its rows', () => {
    const own = buildProject({
      placements: [buildPlacement({ no: 34, personnelCosts: [{ fiscalYear: 2023, amount: 3075 }] }), buildPlacement({ no: 32, personnelCosts: [{ fiscalYear: 2023, amount: 13300 }] })],
    });
    expect(personnelCostShares(own, 2023)).toEqual([{ nos: [32], amount: 13300 }, { nos: [34], amount: 3075 }]);
    const shared = buildProject({ personnelCosts: [{ fiscalYear: 2023, amount: 13200 }], placements: [buildPlacement({ no: 4 }), buildPlacement({ no: 1 }), buildPlacement({ no: 2 })] });
    expect(personnelCostShares(shared, 2023)).toEqual([{ nos: [1, 2, 4], amount: 13200 }]);
    // Two rows printing the same figure of their own are two figures, not one shared.
    const same = buildProject({
      placements: [buildPlacement({ no: 1, personnelCosts: [{ fiscalYear: 2023, amount: 500 }] }), buildPlacement({ no: 2, personnelCosts: [{ fiscalYear: 2023, amount: 500 }] })],
    });
    expect(personnelCostShares(same, 2023)).toEqual([{ nos: [1], amount: 500 }, { nos: [2], amount: 500 }]);
    expect(personnelCostOf(same, 2023)).toBe(1000);
    expect(personnelCostShares(same, 2022)).toEqual([]);
  });
});
