package io.signaldesk.analyzer.rest;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** OpenAPI document header and the X-Api-Key scheme Swagger UI offers in its Authorize dialog. */
@OpenAPIDefinition(info = @Info(title = "Signal Desk AI analyzer", version = "1.0"),
        components = @Components(securitySchemes = @SecurityScheme(securitySchemeName = "apiKey",
                type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, apiKeyName = "X-Api-Key",
                description = "Required on the controls (mode, model, metrics reset, evaluate) when SIGNAL_API_KEY is set")))
public class OpenApiDefinition extends Application {
}
