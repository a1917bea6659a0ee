// The API documentation page: Swagger UI over the OpenAPI document whose URL the page carries.
(function () {
  "use strict";
  var element = document.getElementById("swagger-ui");
  if (!element || typeof SwaggerUIBundle !== "function") return;
  SwaggerUIBundle({
    url: element.dataset.document,
    domNode: element,
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    defaultModelsExpandDepth: 0,
    displayOperationId: true
  });
})();
