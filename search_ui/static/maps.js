// A Leaflet map drawn without any tile server: country outlines from world-atlas (Natural Earth 1:50m),
// served with the page's other libraries. Used by the results map and the record map.
window.catalogMap = function (element, options) {
  "use strict";
  var map = L.map(element, Object.assign({ minZoom: 1, maxZoom: 18, worldCopyJump: true }, options || {}));
  var outlines = element.dataset.outlines;
  if (outlines && window.topojson) {
    fetch(outlines).then(function (r) { return r.ok ? r.json() : null; }).then(function (world) {
      if (!world) return;
      L.geoJSON(topojson.feature(world, world.objects.countries), {
        style: { color: "#8aa39a", weight: 1, fillColor: "#f4f7f4", fillOpacity: 1 }, interactive: false
      }).addTo(map).bringToBack();
    });
  }
  return map;
};
