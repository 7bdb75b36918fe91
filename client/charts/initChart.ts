// The only module that imports echarts at runtime; option builders use its types only.
import { BarChart, FunnelChart, GaugeChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { init, use, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the panels draw, so the bundle carries no unused chart types. No tooltip, toolbox or
// dataZoom: nobody hovers on a video wall.
use([LineChart, BarChart, PieChart, GaugeChart, FunnelChart, GridComponent, LegendComponent, CanvasRenderer]);

/** One chart instance on `element`, drawn at the device's pixel ratio so 4K/8K text stays crisp. */
export const initChart = (element: HTMLElement): EChartsType =>
  init(element, null, { renderer: 'canvas', devicePixelRatio: window.devicePixelRatio });
