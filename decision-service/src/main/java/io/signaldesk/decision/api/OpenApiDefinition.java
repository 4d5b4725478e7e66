package io.signaldesk.decision.api;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** OpenAPI document header and the X-Api-Key scheme Swagger UI offers in its Authorize dialog. */
@OpenAPIDefinition(info = @Info(title = "Signal Desk decision engine", version = "1.0"),
        tags = {
                @Tag(name = "Proposals", description = "Entry and exit proposals waiting for a person: list, confirm (filled once), reject"),
                @Tag(name = "Decision mode", description = "RULES, AI or HYBRID with its policy, and whether proposals need confirming"),
                @Tag(name = "Decisions and signals", description = "Every decision the engine took and how its signals scored"),
                @Tag(name = "Paper trading", description = "The paper account: equity, positions and fills"),
                @Tag(name = "Status", description = "Feed and analyzer connection, mode and the engine's last tick"),
                @Tag(name = "Risk", description = "Risk limits on every entry, the kill switch (halt/resume) and safe mode"),
                @Tag(name = "Backtest", description = "The engine's strategy replayed over 1-minute candle CSVs"),
                @Tag(name = "Analyzer model", description = "The analyzer's models with their predicted time to a decision on this machine, and the switch"),
                @Tag(name = "Lessons", description = "One-line lessons the model drafts from its scored answers: the trader accepts or rejects them; accepted ones are in the model's system message") },
        components = @Components(securitySchemes = @SecurityScheme(securitySchemeName = "apiKey",
                type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, apiKeyName = "X-Api-Key",
                description = "Required on mutating endpoints when SIGNAL_API_KEY is set")))
public class OpenApiDefinition extends Application {
}
