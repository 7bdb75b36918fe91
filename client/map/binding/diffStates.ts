/** Changes to one feature-state key across a set of features. */
export interface StateDiff<V> {
  set: [id: string, value: V][];
  removed: string[];
}

/**
 * What to `setFeatureState` and what to `removeFeatureState` so that a key goes from `previous` to
 * `next`. A choropleth or a scope change touches a few hundred regions at most, and an ordinary tick
 * only the handful whose value moved; the polygons themselves are never sent again.
 */
export const diffStates = <V>(previous: ReadonlyMap<string, V>, next: ReadonlyMap<string, V>): StateDiff<V> => {
  const set: [string, V][] = [];
  for (const [id, value] of next) if (previous.get(id) !== value || !previous.has(id)) set.push([id, value]);
  const removed = [...previous.keys()].filter((id) => !next.has(id));
  return { set, removed };
};
