/**
 * The rows of parallel array parameters ($first, $first+1, … typed by `types`) as `alias (names…)`. The arrays reach
 * `unnest` through a subquery the planner keeps (OFFSET 0), so it cannot see how long they are: each plan then costs
 * the same whatever the group's size, and Postgres keeps the statement's one generic plan instead of planning it again
 * at every execution (with the arrays' lengths in sight, a custom plan for one or two rows looks cheaper than the generic
 * plan sized for ten, and re-planning a screening group's write cost half its Postgres CPU: decision 0042).
 */
export function rowsOfArrays(first: number, types: readonly string[], alias: string, names: readonly string[]): string {
  const arrays = types.map((type, i) => `$${first + i}::${type}[] AS a${i}`).join(', ');
  const columns = types.map((_, i) => `arrays.a${i}`).join(', ');
  return `(SELECT ${arrays} OFFSET 0) AS arrays CROSS JOIN LATERAL unnest(${columns}) AS ${alias} (${names.join(', ')})`;
}
