// Charts of the usage dashboard: each <canvas data-chart="..." data-values="JSON"> becomes a
// Chart.js chart. The same figures are in tables on the page, for screen readers and printing.
(function () {
  "use strict";
  if (!window.Chart) {
    return;
  }
  var COLOR = "#c2410c";
  var MONO = "#334155";

  function build(canvas) {
    var kind = canvas.getAttribute("data-chart");
    var values = JSON.parse(canvas.getAttribute("data-values") || "[]");
    var colorLabel = canvas.getAttribute("data-label-color");
    var monoLabel = canvas.getAttribute("data-label-mono");
    var base = { responsive: true, maintainAspectRatio: false, animation: false };
    if (kind === "days" || kind === "top") {
      var labels = values.map(function (v) { return kind === "days" ? v.day : v.name; });
      return new window.Chart(canvas, {
        type: "bar",
        data: {
          labels: labels,
          datasets: [
            { label: colorLabel, data: values.map(function (v) { return v.color; }), backgroundColor: COLOR },
            { label: monoLabel, data: values.map(function (v) { return v.mono; }), backgroundColor: MONO }
          ]
        },
        options: Object.assign({ indexAxis: kind === "top" ? "y" : "x",
          scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } }, base)
      });
    }
    if (kind === "split") {
      return new window.Chart(canvas, {
        type: "doughnut",
        data: { labels: [colorLabel, monoLabel], datasets: [{ data: values, backgroundColor: [COLOR, MONO] }] },
        options: base
      });
    }
    return null;
  }

  var canvases = document.querySelectorAll("canvas[data-chart]");
  for (var i = 0; i < canvases.length; i++) {
    canvases[i].chart = build(canvases[i]);
  }
})();
