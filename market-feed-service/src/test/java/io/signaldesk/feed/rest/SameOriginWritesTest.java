package io.signaldesk.feed.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.common.test.SameOriginWritesCheck;

/** The feed has no mutating endpoint of its own; the filter guards every one it may get (a POST here is a 405). */
@QuarkusTest
class SameOriginWritesTest extends SameOriginWritesCheck {

    @Override
    protected String method() {
        return "POST";
    }

    @Override
    protected String path() {
        return "/api/market/snapshot";
    }
}
