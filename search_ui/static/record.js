// The record's place on a small map; the circle is the coordinate uncertainty (wide when generalised).
(function () {
  "use strict";
  var element = document.getElementById("record-map");
  if (!element || !window.L) return;
  var point = [parseFloat(element.dataset.lat), parseFloat(element.dataset.lon)];
  var map = window.catalogMap(element, { scrollWheelZoom: false }).setView(point, 8);
  L.marker(point).addTo(map);
  var radius = parseFloat(element.dataset.radius);
  if (radius > 0) L.circle(point, { radius: radius, color: "#0b6e4f", weight: 1 }).addTo(map);
})();
