package io.signaldesk.common.test;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test-only endpoint that fails the way a bug would, to see what a 500 tells the caller: every service's
 * ErrorShapeTest asks it (the test-jar carries META-INF/beans.xml, so Quarkus finds it on a test classpath).
 */
@Path("/test-only/boom")
public class BoomResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public String boom() {
        throw new IllegalStateException("java.lang.IllegalStateException: internals at com.fasterxml.Secret");
    }
}
