// Progressive enhancement of the submission screens: drag-and-drop onto the upload form, the upload sent
// with XMLHttpRequest (fetch cannot report upload progress), then validation progress polled until the
// report is ready. Without this script the same forms post normally and the report page says to reload.
(function () {
  "use strict";

  var POLL_MS = 600;

  function setBar(bar, fraction) {
    if (fraction === null) {
      bar.removeAttribute("value");  // indeterminate: the row total is known only at the end
    } else {
      bar.value = Math.max(0, Math.min(1, fraction));
    }
  }

  function follow(url, box) {
    var bar = box.querySelector("[data-validation-bar]");
    var status = box.querySelector("[data-status]");
    function poll() {
      fetch(url, {headers: {Accept: "application/json"}, credentials: "same-origin"})
        .then(function (response) { return response.json().then(function (body) { return [response, body]; }); })
        .then(function (answer) {
          var response = answer[0], body = answer[1];
          if (!response.ok) { status.textContent = body.message || response.statusText; return; }
          status.textContent = body.label;
          if (body.done) {
            setBar(bar, 1);
            window.location.assign(body.next);
            return;
          }
          setBar(bar, body.rows_total ? body.rows_done / body.rows_total : null);
          window.setTimeout(poll, POLL_MS);
        })
        .catch(function () { window.setTimeout(poll, POLL_MS * 3); });
    }
    poll();
  }

  function enhanceUpload(form) {
    var zone = form.querySelector("[data-dropzone]");
    var input = form.querySelector("input[name=file]");
    var chosen = form.querySelector("[data-chosen]");
    var box = form.querySelector("[data-progress]");
    var uploadBar = form.querySelector("[data-upload-bar]");
    var status = form.querySelector("[data-status]");
    var error = form.querySelector("[data-error]");
    var button = form.querySelector("button[type=submit]");

    function showChosen() {
      var file = input.files[0];
      chosen.textContent = file ? file.name + " (" + Math.ceil(file.size / 1024) + " KiB)" : "";
    }
    function fail(message) {
      error.textContent = message;
      error.hidden = false;
      button.disabled = false;
    }

    ["dragenter", "dragover"].forEach(function (name) {
      zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      zone.addEventListener(name, function () { zone.classList.remove("over"); });
    });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length) {
        input.files = event.dataTransfer.files;
        showChosen();
      }
    });
    input.addEventListener("change", showChosen);

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      error.hidden = true;
      button.disabled = true;
      box.hidden = false;
      status.textContent = form.dataset.uploading;
      setBar(uploadBar, 0);
      var request = new XMLHttpRequest();
      request.open("POST", form.action);
      request.setRequestHeader("Accept", "application/json");
      request.upload.addEventListener("progress", function (progress) {
        if (progress.lengthComputable) { setBar(uploadBar, progress.loaded / progress.total); }
      });
      request.addEventListener("load", function () {
        var body;
        try { body = JSON.parse(request.responseText); } catch (ignored) { body = {}; }
        if (request.status >= 400) { fail(body.message || request.statusText); return; }
        setBar(uploadBar, 1);
        status.textContent = form.dataset.uploaded;
        follow(body.progress, box);
      });
      request.addEventListener("error", function () { fail(form.dataset.networkError); });
      request.send(new FormData(form));
    });
  }

  var form = document.querySelector("form[data-upload]");
  if (form) { enhanceUpload(form); }
  var watched = document.querySelector("[data-progress-url]");
  if (watched) { follow(watched.dataset.progressUrl, watched); }
})();
