import { useEffect, useRef } from 'react';
import Taro from '@tarojs/taro';
import { Canvas, View } from '@tarojs/components';
import type { ChartOption, echarts as Echarts } from './echarts';

type Lib = { echarts: typeof Echarts };
/**
 * ECharts, loaded when the first chart mounts. In the browser it is a chunk of its own, fetched after
 * the page has drawn its figures and tables (the page does not wait for the largest library it has);
 * the mini-program bundles it with the subpackage, as WeChat loads no code at run time.
 */
let lib: Promise<Lib> | null = null;
const loadEcharts = (): Promise<Lib> =>
  (lib ??= process.env.TARO_ENV === 'h5'
    ? import(/* webpackChunkName: "echarts" */ './echarts')
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    : Promise.resolve(require('./echarts') as Lib));

/** what ECharts tells of a click: the series and data index of a bar or point, or an axis label (componentType xAxis/yAxis) */
export type ChartClick = { componentType: string; seriesIndex?: number; seriesName?: string; dataIndex?: number; name?: string; value?: unknown };

type Props = {
  option: ChartOption;
  /** height at the 375 design width */
  height?: number;
  /** a tap on a bar, a slice, a point, or an axis label with triggerEvent */
  onClick?: (p: ChartClick) => void;
};

type Chart = ReturnType<typeof Echarts.init>;
type Touch = { x: number; y: number };

let seq = 0;

/**
 * The canvas ECharts draws on in WeChat: a 2d canvas node wrapped with the few members ECharts
 * asks of a canvas element (size, context, no-op listeners).
 */
class MiniCanvas {
  constructor(
    private readonly ctx: unknown,
    private readonly node: { width: number; height: number },
  ) {}
  getContext(kind: string) {
    return kind === '2d' ? this.ctx : null;
  }
  addEventListener() {}
  removeEventListener() {}
  attachEvent() {}
  detachEvent() {}
  get width() {
    return this.node.width;
  }
  set width(w: number) {
    this.node.width = w;
  }
  get height() {
    return this.node.height;
  }
  set height(h: number) {
    this.node.height = h;
  }
}

/**
 * One chart: a <div> in the browser, a 2d <canvas> in WeChat (touches become the pointer events
 * ECharts listens to, so tooltips work on a tap). The option can change; the chart follows.
 */
export default function EChart({ option, height = 240, onClick }: Props) {
  const id = useRef(`echart-${++seq}`).current;
  const chart = useRef<Chart | null>(null);
  const latest = useRef(option);
  latest.current = option;
  const clicked = useRef(onClick);
  clicked.current = onClick;
  const listen = (c: Chart) => c.on('click', (p) => clicked.current?.(p as unknown as ChartClick));

  useEffect(() => {
    let disposed = false;
    let observer: { disconnect(): void } | null = null;
    void loadEcharts().then(({ echarts }) => {
      if (disposed) return;
      if (process.env.TARO_ENV === 'h5') {
        const start = () => {
          const el = document.getElementById(id);
          if (disposed || !el) return;
          if (!el.clientWidth) {
            setTimeout(start, 50); // the page is still being laid out
            return;
          }
          chart.current = echarts.init(el, undefined, { renderer: 'canvas' });
          chart.current.setOption(latest.current);
          listen(chart.current);
          if (typeof ResizeObserver !== 'undefined') {
            const ro = new ResizeObserver(() => chart.current?.resize());
            ro.observe(el);
            observer = ro;
          }
        };
        start();
      } else {
        let tries = 0;
        const start = () => {
          Taro.createSelectorQuery()
            .select(`#${id}`)
            .fields({ node: true, size: true })
            .exec((res) => {
              const found = res?.[0] as { node?: { width: number; height: number; getContext(k: string): unknown }; width?: number; height?: number } | undefined;
              if (disposed) return;
              if (!found?.node || !found.width) {
                if (++tries < 20) setTimeout(start, 50);
                return;
              }
              const info = (Taro.getWindowInfo ? Taro.getWindowInfo() : Taro.getSystemInfoSync()) as { pixelRatio: number };
              const canvas = new MiniCanvas(found.node.getContext('2d'), found.node);
              echarts.setPlatformAPI({ createCanvas: () => canvas as unknown as HTMLCanvasElement });
              chart.current = echarts.init(canvas as unknown as HTMLElement, undefined, {
                width: found.width,
                height: found.height,
                devicePixelRatio: info.pixelRatio || 2,
              });
              chart.current.setOption(latest.current);
              listen(chart.current);
            });
        };
        Taro.nextTick(start);
      }
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, [id]);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  const style = { width: '100%', height: Taro.pxTransform(height) };
  if (process.env.TARO_ENV === 'h5') return <View id={id} className='echart' style={style} />;

  const dispatch = (type: 'mousedown' | 'mousemove' | 'mouseup' | 'click', t: Touch | undefined) => {
    if (!chart.current || !t) return;
    chart.current.getZr().handler.dispatch(type, { zrX: t.x, zrY: t.y } as never);
  };
  return (
    <Canvas
      type='2d'
      id={id}
      canvasId={id}
      className='echart'
      style={style}
      disableScroll={false}
      onTouchStart={(e) => {
        const t = (e.touches as unknown as Touch[])[0];
        dispatch('mousedown', t);
        dispatch('mousemove', t);
      }}
      onTouchMove={(e) => dispatch('mousemove', (e.touches as unknown as Touch[])[0])}
      onTouchEnd={(e) => {
        const t = (e.changedTouches as unknown as Touch[])[0];
        dispatch('mouseup', t);
        dispatch('click', t);
      }}
    />
  );
}
