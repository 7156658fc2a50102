// Starts Swagger UI on /api-docs with the server's own OpenAPI document (no "try it out" against other servers).
window.addEventListener('DOMContentLoaded', () => {
  const root = document.getElementById('api-docs');
  // eslint-disable-next-line no-undef
  SwaggerUIBundle({
    url: root.dataset.url,
    domNode: root,
    deepLinking: true,
    validatorUrl: null,
    supportedSubmitMethods: ['get', 'head'],
    tryItOutEnabled: false,
  });
});
