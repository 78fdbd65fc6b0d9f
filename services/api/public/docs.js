// Swagger UI on this API's own document; its validator badge would call validator.swagger.io, so it is off.
window.addEventListener('DOMContentLoaded', () => {
  window.ui = window.SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#reference',
    validatorUrl: null,
    deepLinking: true,
    persistAuthorization: false,
  });
});
