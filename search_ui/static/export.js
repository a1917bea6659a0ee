// "Download as a Darwin Core Archive" buttons: ask the API for an export job, show its progress, then
// hand over the file. Each button carries the selection in data-export (JSON: center, domain, q, filter).
document.querySelectorAll("button[data-export]").forEach(function (button) {
  "use strict";
  var status = document.getElementById(button.getAttribute("aria-controls"));
  button.hidden = false;
  button.addEventListener("click", function () {
    button.disabled = true;
    var body = Object.assign({ format: button.dataset.format || "dwca" }, JSON.parse(button.dataset.export));
    fetch(button.dataset.endpoint, { method: "POST", headers: { "Content-Type": "application/json" },
                                     body: JSON.stringify(body) })
      .then(function (response) { return response.json(); })
      .then(function poll(job) {
        if (!job.links) { status.textContent = (job.message && job.message[document.documentElement.lang.startsWith("zh") ? "zh" : "en"]) || job.title; button.disabled = false; return; }
        var done = job.progress.records_written, expected = job.progress.records_expected;
        status.textContent = button.dataset.working + " " + done + (expected ? " / " + expected : "");
        if (job.state === "done") {
          status.textContent = button.dataset.ready;
          window.location.assign(job.links.download);
          button.disabled = false;
        } else if (job.state === "failed") {
          status.textContent = button.dataset.failed;
          button.disabled = false;
        } else {
          setTimeout(function () { fetch(job.links.self).then(function (r) { return r.json(); }).then(poll); }, 1000);
        }
      });
  });
});
