package io.signaldesk.analyzer;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.analyzer.domain.AiMode;
import io.signaldesk.analyzer.service.AiModeService;
import io.signaldesk.common.test.OpenApiDocumentCheck;

/** The analyzer's OpenAPI document as Swagger UI reads it; "Try it out" with the generated examples answers 2xx. */
@QuarkusTest
@QuarkusTestResource(StubServers.class)
class OpenApiDocumentTest extends OpenApiDocumentCheck {

    @jakarta.inject.Inject
    AiModeService mode;

    @BeforeEach
    void stubs() {
        StubServers.reset();
    }

    @AfterEach
    void aiMode() {
        StubServers.reset();
        mode.set(AiMode.AI);
    }

    /** Their examples need what this test cannot give: a scheduled sentiment (off in tests), a replay file on disk. */
    @Override
    protected Set<String> notTried() {
        return Set.of("GET /api/analysis/latest", "POST /api/ai/evaluate");
    }

    @Override
    protected int minimumOperations() {
        return 13;
    }
}
