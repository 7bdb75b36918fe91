/**
 * Whether a wall follows the guided tour: yes unless its URL says `?tour=off` — a duty wall in
 * the same room as the delegation's wall keeps showing live figures for its operators.
 */
export const tourEnabledOf = (search: string): boolean => new URLSearchParams(search).get('tour')?.trim().toLowerCase() !== 'off';
