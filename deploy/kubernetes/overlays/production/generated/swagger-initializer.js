// Metrokaart: the one Swagger UI of the suite, served by the API gateway at "/".
// Rendered by nl.metrokaart.infra.GatewayTemplates (same placeholders as nginx.conf.template);
// replaces the swagger-initializer.js of the Swagger UI distribution.
//
// The Authorize button logs in through Keycloak with the authorization code flow + PKCE. Where Keycloak is
// comes from each service's OpenAPI document (its openIdConnect / oauth2 security scheme under
// https://login.metrokaart.example.nl/realms/metrokaart); the Keycloak client "swagger-ui" must be public, allow the redirect
// URI <gateway origin>/oauth2-redirect.html and have the gateway origin as web origin.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    urls: [
      { url: '/openapi/programme-service.json', name: 'Programme' },
      { url: '/openapi/municipality-service.json', name: 'Municipality' },
      { url: '/openapi/newsletter-service.json', name: 'Newsletter' }
    ],
    'urls.primaryName': 'Programme',
    dom_id: '#swagger-ui',
    deepLinking: true,
    // Ignore ?url= / ?configUrl= in the address bar: only the suite's own documents are shown.
    queryConfigEnabled: false,
    validatorUrl: null,
    displayRequestDuration: true,
    persistAuthorization: true,
    oauth2RedirectUrl: window.location.origin + '/oauth2-redirect.html',
    presets: [
      SwaggerUIBundle.presets.apis,
      SwaggerUIStandalonePreset
    ],
    plugins: [
      SwaggerUIBundle.plugins.DownloadUrl
    ],
    layout: 'StandaloneLayout'
  });

  window.ui.initOAuth({
    clientId: 'swagger-ui',
    usePkceWithAuthorizationCodeGrant: true,
    scopes: 'openid'
  });
};
