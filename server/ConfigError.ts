/** A setting that cannot be used as given; main.ts prints its message and exits 1. Its own file so the setting parsers (limits, basemap) need not import config.ts, which imports them. */
export class ConfigError extends Error {}
