// The mapping screen: find a field by its Chinese or English name (the drop-downs and the whole-file values
// keep only the fields that match), and a warning before saving when two columns go to one field. Without
// this script the form works the same, and the server refuses two columns for one field with the same words.
(function () {
  "use strict";

  var form = document.querySelector("[data-mapping-form]");
  if (!form) { return; }
  var filter = form.querySelector("[data-field-filter]");

  function matches(text, words) {
    text = (text || "").toLowerCase();
    return words.every(function (word) { return text.indexOf(word) !== -1; });
  }

  filter.addEventListener("input", function () {
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    form.querySelectorAll("select[data-fields] option[data-search]").forEach(function (option) {
      option.hidden = words.length > 0 && !option.selected && !matches(option.dataset.search, words);
    });
    form.querySelectorAll("tr[data-search]").forEach(function (row) {
      row.hidden = words.length > 0 && !matches(row.dataset.search, words);
    });
    if (words.length) { form.querySelector("[data-optional-defaults]").open = true; }
  });

  form.addEventListener("submit", function (event) {
    var seen = {};
    var selects = form.querySelectorAll("select[data-fields]");
    for (var i = 0; i < selects.length; i += 1) {
      var field = selects[i].value;
      if (!field) { continue; }
      if (seen[field]) {
        event.preventDefault();
        var label = selects[i].options[selects[i].selectedIndex].text;
        window.alert(label + ": " + seen[field] + " / " + selects[i].name.slice("column:".length));
        selects[i].focus();
        return;
      }
      seen[field] = selects[i].name.slice("column:".length);
    }
  });
}());
