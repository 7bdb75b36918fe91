/** The header's freshness note as an i18n key and its parameters. */
export type DataAgeMessage =
  | { key: 'frame.dataAgeSeconds'; params: { seconds: number } }
  | { key: 'frame.dataAgeMinutes'; params: { minutes: number } };

/** "数据 3 秒前" up to a minute, then whole minutes: a wall never shows 3,600 seconds. */
export const dataAgeMessage = (ageMs: number): DataAgeMessage => {
  const seconds = Math.max(0, Math.floor(ageMs / 1000));
  return seconds < 60
    ? { key: 'frame.dataAgeSeconds', params: { seconds } }
    : { key: 'frame.dataAgeMinutes', params: { minutes: Math.floor(seconds / 60) } };
};
