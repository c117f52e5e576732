// Horizontal bars drawn by Apache ECharts (SVG, only the parts used, so the bundle stays small);
// a bar opens what it counts. Right to left, the bars grow from the right and labels sit there.
import { BarChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

export interface Bar {
  key: string;
  label: string;
  value: number;
}

const BAR_HEIGHT = 30;

export function HorizontalBars({
  bars,
  title,
  rtl,
  onSelect,
}: {
  bars: Bar[];
  title: string;
  rtl: boolean;
  onSelect: (key: string) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current, undefined, { renderer: "svg" });
    chart.setOption({
      animation: false,
      grid: { containLabel: true, left: 8, right: 24, top: 8, bottom: 8 },
      tooltip: { trigger: "item" },
      xAxis: { type: "value", inverse: rtl, minInterval: 1, splitLine: { lineStyle: { color: "#dee2e6" } } },
      yAxis: {
        type: "category",
        inverse: true,
        position: rtl ? "right" : "left",
        data: bars.map((bar) => bar.label),
        axisLabel: { color: "#212529", width: 200, overflow: "truncate" },
      },
      series: [
        {
          type: "bar",
          data: bars.map((bar) => bar.value),
          itemStyle: { color: "#1864ab" },
          label: { show: true, position: rtl ? "left" : "right", color: "#212529" },
          cursor: "pointer",
        },
      ],
    });
    chart.on("click", (event) => {
      const bar = bars[event.dataIndex];
      if (bar) onSelect(bar.key);
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [bars, rtl, onSelect]);
  // The table under the chart carries the same figures for screen readers and keyboards.
  // The chart mirrors itself for right-to-left languages; its SVG text keeps left-to-right anchors.
  return (
    <div
      ref={box}
      dir="ltr"
      role="img"
      aria-label={title}
      style={{ width: "100%", height: Math.max(120, bars.length * BAR_HEIGHT + 40) }}
    />
  );
}
