package io.signaldesk.analyzer;

import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.common.test.SameOriginWritesCheck;

/** The analyzer's mode switch as the cross-site call. */
@QuarkusTest
class SameOriginWritesTest extends SameOriginWritesCheck {

    @Override
    protected String method() {
        return "PUT";
    }

    @Override
    protected String path() {
        return "/api/ai/mode";
    }
}
