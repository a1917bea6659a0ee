// Results page enhancements: name autocomplete, and a map of the located results with clustered markers
// where a shift-drag box (or "search this map area") filters the search. The page works without them.
(function () {
  "use strict";

  var input = document.getElementById("q");
  var list = document.getElementById("name-suggestions");
  if (input && list && input.dataset.suggest) {
    var timer = null, last = "";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var typed = input.value.trim();
        if (typed === last || typed.length < 1) return;
        last = typed;
        fetch(input.dataset.suggest + "?size=10&q=" + encodeURIComponent(typed))
          .then(function (response) { return response.ok ? response.json() : { items: [] }; })
          .then(function (body) {
            list.replaceChildren.apply(list, body.items.map(function (item) {
              var option = document.createElement("option");
              option.value = item.value;
              option.label = item.value + " (" + item.count + ")";
              return option;
            }));
          });
      }, 150);
    });
  }

  var element = document.getElementById("results-map");
  if (!element || !window.L) return;
  var map = window.catalogMap(element, { boxZoom: false }).setView([31, 112], 5);
  var clusters = L.markerClusterGroup();
  map.addLayer(clusters);

  fetch(element.dataset.points).then(function (response) { return response.json(); }).then(function (body) {
    var markers = body.points.map(function (point) {
      var title = element.dataset.lang === "zh" ? point.title : (point.title_en || point.title);
      var link = document.createElement("a");
      link.href = element.dataset.record.replace("__ID__", encodeURIComponent(point.id));
      link.textContent = title;
      return L.marker([point.lat, point.lon], { title: title, alt: title }).bindPopup(link);
    });
    clusters.addLayers(markers);
    if (markers.length) map.fitBounds(clusters.getBounds(), { maxZoom: 9, padding: [20, 20] });
    document.getElementById("map-truncated").hidden = !body.truncated;
  });

  function searchIn(bounds) {
    var west = bounds.getWest(), east = bounds.getEast();
    if (east - west >= 360) { west = -180; east = 180; }
    var wrap = function (lon) { return ((lon + 540) % 360) - 180; };
    var clamp = function (lat) { return Math.max(-90, Math.min(90, lat)); };
    var box = [clamp(bounds.getSouth()), wrap(west), clamp(bounds.getNorth()), wrap(east)]
      .map(function (v) { return v.toFixed(4); }).join(",");
    var params = new URLSearchParams(window.location.search);
    params.delete("page"); params.delete("cursor"); params.delete("near");
    params.set("bbox", box);
    window.location.assign(element.dataset.search + "?" + params.toString());
  }

  // Shift-drag draws a box: the search is then limited to it.
  var start = null, rectangle = null;
  map.on("mousedown", function (event) {
    if (!event.originalEvent.shiftKey) return;
    map.dragging.disable();
    start = event.latlng;
    rectangle = L.rectangle([start, start], { color: "#0b6e4f", weight: 2 }).addTo(map);
  });
  map.on("mousemove", function (event) {
    if (start) rectangle.setBounds(L.latLngBounds(start, event.latlng));
  });
  map.on("mouseup", function () {
    if (!start) return;
    var bounds = rectangle.getBounds();
    start = null;
    map.dragging.enable();
    if (!bounds.getNorthEast().equals(bounds.getSouthWest())) searchIn(bounds);
  });

  var areaButton = document.getElementById("search-this-area");
  areaButton.hidden = false;
  areaButton.addEventListener("click", function () { searchIn(map.getBounds()); });
})();
