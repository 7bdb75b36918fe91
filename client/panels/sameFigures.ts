import type { ChildFigures } from '../../shared/contract/snapshot';

/** Whether two rankings hold the same figures in the same order, so an unchanged one is not redrawn. */
export const sameFigures = (a: readonly ChildFigures[], b: readonly ChildFigures[]): boolean =>
  a.length === b.length &&
  a.every((child, index) => {
    const other = b[index];
    return (
      other !== undefined &&
      child.code === other.code &&
      child.open === other.open &&
      child.overdue === other.overdue &&
      child.reportedToday === other.reportedToday &&
      child.resolvedToday === other.resolvedToday
    );
  });
