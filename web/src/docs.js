// Swagger UI from local files (no CDN); the OpenAPI description comes from this server.
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
