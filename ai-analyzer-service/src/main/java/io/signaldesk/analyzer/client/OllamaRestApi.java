package io.signaldesk.analyzer.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** The parts of Ollama's HTTP API the analyzer calls itself (chat goes through LangChain4j). */
@Path("/api")
interface OllamaRestApi {

    @GET
    @Path("/tags")
    OllamaTags tags();

    /** The models loaded now and the memory each takes. */
    @GET
    @Path("/ps")
    OllamaPs ps();

    /** With only model and keep_alive, /api/generate loads the model and keeps it loaded (Ollama's documented preload). */
    @POST
    @Path("/generate")
    void generate(OllamaPreload preload);
}
