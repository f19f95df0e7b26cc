// Fund dashboard chart: share of target reached vs share of period elapsed.
// The same figures are in the table under the chart (its accessible alternative).
(function () {
  "use strict";
  var canvas = document.getElementById("progress-chart");
  var source = document.getElementById("chart-data");
  if (!canvas || !source || typeof Chart === "undefined") return;
  var data = JSON.parse(source.textContent);
  var reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  canvas.parentElement.style.height = Math.max(160, 48 * data.labels.length + 60) + "px";
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [
        { label: data.names.reached, data: data.reached, backgroundColor: "#1d4ed8" },
        { label: data.names.elapsed, data: data.elapsed, backgroundColor: "#6b7280" }
      ]
    },
    options: {
      indexAxis: "y",
      responsive: true,
      maintainAspectRatio: false,
      animation: reduce ? false : undefined,
      scales: { x: { min: 0, suggestedMax: 100, ticks: { callback: function (v) { return v + " %"; } } } },
      plugins: { legend: { position: "bottom" } }
    }
  });
})();
