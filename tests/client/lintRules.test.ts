import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The client's homes (client/*/README.md) as `npm run lint` enforces them: fixture code linted as if
// it stood at a given path of the client, through ESLint's own Node API and the project's config.

const REPO = join(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: REPO });

/** The rule ids that fire on `code` placed at `path`. */
const firedAt = async (path: string, code: string): Promise<string[]> => {
  const [result] = await eslint.lintText(code, { filePath: join(REPO, path) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
};

const MAPLIBRE = "import { Map } from 'maplibre-gl';\nexport const map = Map;\n";
const ECHARTS = "import { init } from 'echarts/core';\nexport const chart = init;\n";
const SOCKET = "import { io } from 'socket.io-client';\nexport const socket = io;\n";
const FETCH = "export const load = (): Promise<Response> => fetch('/api/v1/me');\n";
const GLOBAL_FETCH = "export const load = (): Promise<Response> => globalThis.fetch('/api/v1/me');\n";

describe('the lint rules that keep each library in its home', () => {
  it('refuse maplibre-gl outside client/map/ and accept it inside', async () => {
    expect(await firedAt('client/panels/Fixture.ts', MAPLIBRE)).toContain('no-restricted-imports');
    expect(await firedAt('client/screens/wall/Fixture.ts', MAPLIBRE)).toContain('no-restricted-imports');
    expect(await firedAt('client/map/engine/Fixture.ts', MAPLIBRE)).toEqual([]);
  });

  it('refuse echarts outside client/charts/ and accept it inside', async () => {
    expect(await firedAt('client/panels/Fixture.ts', ECHARTS)).toContain('no-restricted-imports');
    expect(await firedAt('client/map/layers/Fixture.ts', ECHARTS)).toContain('no-restricted-imports');
    expect(await firedAt('client/charts/Fixture.ts', ECHARTS)).toEqual([]);
  });

  it('refuse socket.io-client outside client/realtime/ and accept it inside', async () => {
    expect(await firedAt('client/screens/tablet/Fixture.ts', SOCKET)).toContain('no-restricted-imports');
    expect(await firedAt('client/stores/Fixture.ts', SOCKET)).toContain('no-restricted-imports');
    expect(await firedAt('client/realtime/Fixture.ts', SOCKET)).toEqual([]);
  });

  it('refuse fetch( outside client/api/, however it is reached, and accept it inside', async () => {
    expect(await firedAt('client/realtime/Fixture.ts', FETCH)).toContain('no-restricted-globals');
    expect(await firedAt('client/map/regions/Fixture.ts', GLOBAL_FETCH)).toContain('no-restricted-syntax');
    expect(await firedAt('client/api/Fixture.ts', FETCH)).toEqual([]);
    expect(await firedAt('client/api/Fixture.ts', GLOBAL_FETCH)).toEqual([]);
  });

  it('keep the stores free of map and chart code', async () => {
    const fromMap = "import { MAP_LAYERS } from '../map/layers/index';\nexport const layers = MAP_LAYERS;\n";
    const fromCharts = "import { trendOption } from '../charts/options/trendOption';\nexport const option = trendOption;\n";
    expect(await firedAt('client/stores/Fixture.ts', fromMap)).toContain('no-restricted-imports');
    expect(await firedAt('client/stores/Fixture.ts', fromCharts)).toContain('no-restricted-imports');
    expect(await firedAt('client/eventBoard/Fixture.ts', fromMap)).toEqual([]);
  });

  it('hold in a .vue component too', async () => {
    const component = `<script setup lang="ts">\nimport { io } from 'socket.io-client';\nconst socket = io;\n</script>\n<template><p>{{ socket }}</p></template>\n`;
    expect(await firedAt('client/panels/Fixture.vue', component)).toContain('no-restricted-imports');
  });
});
