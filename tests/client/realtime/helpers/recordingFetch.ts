import type { FetchLike } from '../../../../client/api/getJson';

/** Global fetch, remembering the path of every request the connection made. */
export const recordingFetch = () => {
  const paths: string[] = [];
  const fetchFn: FetchLike = (url, init) => {
    paths.push(new URL(url).pathname);
    return fetch(url, init);
  };
  return { fetch: fetchFn, paths, count: (path: string) => paths.filter((p) => p.endsWith(path)).length };
};
