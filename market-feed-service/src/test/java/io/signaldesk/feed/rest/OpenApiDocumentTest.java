package io.signaldesk.feed.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.common.test.OpenApiDocumentCheck;

/** The feed's OpenAPI document as Swagger UI reads it; "Try it out" with the parameter examples answers 2xx. */
@QuarkusTest
class OpenApiDocumentTest extends OpenApiDocumentCheck {

    @Override
    protected int minimumOperations() {
        return 5;
    }
}
